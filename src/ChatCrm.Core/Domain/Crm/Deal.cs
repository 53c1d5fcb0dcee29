namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// An opportunity with a client, moving through the stages of one cycle until it is won or lost. Users see it by
/// its number, which is <see cref="Id"/>. Every change of stage or status returns the <see cref="StageChange"/>
/// row the caller saves with it.
/// </summary>
public sealed class Deal
{
    public const int MaxTitleLength = 200;
    public const int MaxLostNoteLength = 1000;

    private Deal()
    {
        Currency = "";
        Title = "";
        EnteredStageName = "";
    }

    public long Id { get; private set; }
    public long ClientId { get; private set; }
    public long CycleId { get; private set; }
    public long StageId { get; private set; }
    public decimal Amount { get; private set; }

    /// <summary>ISO 4217, upper case.</summary>
    public string Currency { get; private set; }

    /// <summary>The client's name unless the manager gave a title.</summary>
    public string Title { get; private set; }
    public long OwnerUserId { get; private set; }
    public DateTime OpenedAt { get; private set; }
    public DateTime StageEnteredAt { get; private set; }

    /// <summary>
    /// The current stage's name as it was when the deal entered it; only copied into the next history row, so the
    /// history reads as a chain. Show <see cref="Stage.Name"/> to users.
    /// </summary>
    public string EnteredStageName { get; private set; }
    public DateTime? ExpectedCloseAt { get; private set; }
    public DealStatus Status { get; private set; }
    public long? LostReasonId { get; private set; }
    public string? LostNote { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public bool IsOpen => Status == DealStatus.Open;

    /// <summary>Opens a deal in <paramref name="stage"/> (normally the cycle's first: <see cref="StageOrder.First"/>).</summary>
    public static (Deal Deal, StageChange Opened) Open(Client client, SalesCycle cycle, Stage stage, decimal amount,
        string currency, string? title, long ownerUserId, DateTime atUtc, long byUserId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.IsRetired)
        {
            throw new DomainException(DomainError.CycleRetired, cycle.Name);
        }

        EnsureEnterable(stage, cycle.Id);
        var deal = new Deal
        {
            ClientId = client.Id,
            CycleId = cycle.Id,
            Amount = Positive(amount),
            Currency = CurrencyCode(currency),
            Title = string.IsNullOrWhiteSpace(title) ? client.Name : Text.Name(title, MaxTitleLength, DomainError.TitleTooLong),
            OwnerUserId = ownerUserId,
            OpenedAt = atUtc,
            Status = DealStatus.Open,
        };
        deal.Enter(stage, atUtc);
        return (deal, StageChange.For(deal, StageChangeKind.Opened, null, null, stage, byUserId, atUtc));
    }

    /// <summary>Refuses a closed deal, a stage of another cycle, a retired stage and the stage it is already in.</summary>
    public StageChange MoveTo(Stage stage, DateTime atUtc, long byUserId)
    {
        EnsureOpen();
        EnsureEnterable(stage, CycleId);
        if (stage.Id == StageId)
        {
            throw new DomainException(DomainError.SameStage, stage.Name);
        }

        var (fromId, fromName) = (StageId, EnteredStageName);
        Enter(stage, atUtc);
        return StageChange.For(this, StageChangeKind.Moved, fromId, fromName, stage, byUserId, atUtc);
    }

    /// <summary>
    /// Closes the deal as won, optionally with the final amount (otherwise the current one stands). A deal with
    /// product <paramref name="lines"/> is worth their sum: another final amount is refused.
    /// </summary>
    public StageChange Win(decimal? amount, DateTime atUtc, long byUserId, IReadOnlyCollection<DealLine>? lines = null)
    {
        EnsureOpen();
        if (amount is { } final)
        {
            if (lines is { Count: > 0 } && final != LinesTotal(lines))
            {
                throw new DomainException(DomainError.AmountFromLines);
            }

            Amount = Positive(final);
        }

        Close(DealStatus.Won, atUtc);
        return StageChange.For(this, StageChangeKind.Won, StageId, EnteredStageName, null, byUserId, atUtc);
    }

    /// <summary>Closes the deal as lost. A lost deal always has a reason, and a retired reason cannot be chosen.</summary>
    public StageChange Lose(LostReason? reason, string? note, DateTime atUtc, long byUserId)
    {
        EnsureOpen();
        if (reason is null)
        {
            throw new DomainException(DomainError.ReasonRequired);
        }

        if (reason.IsRetired)
        {
            throw new DomainException(DomainError.ReasonRetired, reason.Name);
        }

        LostNote = Text.Note(note, MaxLostNoteLength);
        LostReasonId = reason.Id;
        Close(DealStatus.Lost, atUtc);
        return StageChange.For(this, StageChangeKind.Lost, StageId, EnteredStageName, null, byUserId, atUtc);
    }

    /// <summary>Brings a won or lost deal back into <paramref name="stage"/>; the lost reason is cleared.</summary>
    public StageChange Reopen(Stage stage, DateTime atUtc, long byUserId)
    {
        if (IsOpen)
        {
            throw new DomainException(DomainError.DealNotClosed);
        }

        EnsureEnterable(stage, CycleId);
        var (fromId, fromName) = (StageId, EnteredStageName);
        Status = DealStatus.Open;
        ClosedAt = null;
        LostReasonId = null;
        LostNote = null;
        Enter(stage, atUtc);
        return StageChange.For(this, StageChangeKind.Reopened, fromId, fromName, stage, byUserId, atUtc);
    }

    /// <summary>Only while open: the amount of a closed deal is what it was won or lost with.</summary>
    public void ChangeAmount(decimal amount)
    {
        EnsureOpen();
        Amount = Positive(amount);
    }

    /// <summary>
    /// Puts a product line on the open deal; the deal is then worth the sum of its lines. <paramref name="lines"/>
    /// are the lines it already has (all of them: the amount is recomputed from them).
    /// </summary>
    public DealLine AddLine(Product product, int quantity, decimal unitPrice, IReadOnlyCollection<DealLine> lines, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(lines);
        EnsureOpen();
        EnsureOwn(lines);
        var line = DealLine.Create(this, product, quantity, unitPrice, nowUtc);
        Amount = Positive(LinesTotal([.. lines, line]));
        return line;
    }

    /// <summary>
    /// Sets how many of a line's product the open deal carries (the same product added again at the same price adds to
    /// its line rather than making a second one); the amount becomes the sum of the lines.
    /// </summary>
    public void SetLineQuantity(DealLine line, int quantity, IReadOnlyCollection<DealLine> lines)
    {
        EnsureLineOf(line, lines);
        line.SetQuantity(quantity);
        Amount = Positive(LinesTotal(lines));
    }

    /// <summary>
    /// Takes a line off the open deal: the amount becomes the sum of the lines left. When none is left the amount
    /// stays what it was (a deal always has an amount) and the manager may change it as before.
    /// </summary>
    public void RemoveLine(DealLine line, IReadOnlyCollection<DealLine> lines)
    {
        EnsureLineOf(line, lines);
        var left = lines.Where(l => !ReferenceEquals(l, line)).ToList();
        if (left.Count > 0)
        {
            Amount = Positive(LinesTotal(left));
        }
    }

    /// <summary>The deal is open, <paramref name="lines"/> are its own, and <paramref name="line"/> is one of them.</summary>
    private void EnsureLineOf(DealLine line, IReadOnlyCollection<DealLine> lines)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(lines);
        EnsureOpen();
        EnsureOwn(lines);
        if (!lines.Contains(line))
        {
            throw new ArgumentException($"The line is not among deal {Id}'s lines.", nameof(line));
        }
    }

    /// <summary>What a deal with these lines is worth: the sum of their amounts.</summary>
    public static decimal LinesTotal(IEnumerable<DealLine> lines) => lines.Sum(l => l.Amount);

    public void SetExpectedClose(DateTime? atUtc)
    {
        EnsureOpen();
        ExpectedCloseAt = atUtc;
    }

    /// <summary>Allowed in any status: when a manager leaves, their history moves with their deals.</summary>
    public void HandOver(long newOwnerUserId) => OwnerUserId = newOwnerUserId;

    /// <summary>What a stage or status change alters; taken before the change so /undo can put it back.</summary>
    public DealState Snapshot() =>
        new(StageId, EnteredStageName, StageEnteredAt, Status, Amount, LostReasonId, LostNote, ClosedAt);

    /// <summary>
    /// Puts back a state from <see cref="Snapshot"/> (/undo of a move, a win, a loss or a reopening). The caller
    /// removes the history row the change added and makes sure nothing changed the deal since.
    /// </summary>
    public void Restore(DealState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        StageId = state.StageId;
        EnteredStageName = state.EnteredStageName;
        StageEnteredAt = state.StageEnteredAt;
        Status = state.Status;
        Amount = Positive(state.Amount);
        LostReasonId = state.LostReasonId;
        LostNote = state.LostNote;
        ClosedAt = state.ClosedAt;
    }

    /// <summary>Whole days in the current stage; a closed deal's count stops at closing.</summary>
    public int DaysInStage(DateTime nowUtc)
    {
        var until = ClosedAt ?? nowUtc;
        return until <= StageEnteredAt ? 0 : (int)(until - StageEnteredAt).TotalDays;
    }

    /// <summary>An open deal that has spent more than the stage's <see cref="Stage.DaysAllowed"/> in it.</summary>
    public bool IsStuck(Stage currentStage, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(currentStage);
        if (currentStage.Id != StageId)
        {
            throw new ArgumentException($"Deal {Id} is in stage {StageId}, not {currentStage.Id}.", nameof(currentStage));
        }

        return IsOpen && currentStage.DaysAllowed is { } allowed && DaysInStage(nowUtc) > allowed;
    }

    private void Enter(Stage stage, DateTime atUtc)
    {
        StageId = stage.Id;
        EnteredStageName = stage.Name;
        StageEnteredAt = atUtc;
    }

    private void Close(DealStatus status, DateTime atUtc)
    {
        Status = status;
        ClosedAt = atUtc;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException(DomainError.DealClosed, Status.ToString());
        }
    }

    private void EnsureOwn(IEnumerable<DealLine> lines)
    {
        if (lines.Any(l => l.DealId != Id))
        {
            throw new ArgumentException($"A line of another deal was given to deal {Id}.", nameof(lines));
        }
    }

    private static void EnsureEnterable(Stage stage, long cycleId)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (stage.CycleId != cycleId)
        {
            throw new DomainException(DomainError.StageOfAnotherCycle, stage.Name);
        }

        if (stage.IsRetired)
        {
            throw new DomainException(DomainError.StageRetired, stage.Name);
        }
    }

    private static decimal Positive(decimal amount) =>
        amount > 0 ? amount : throw new DomainException(DomainError.AmountNotPositive);

    private static string CurrencyCode(string? currency)
    {
        var code = currency?.Trim().ToUpperInvariant();
        return code is { Length: 3 } && code.All(char.IsAsciiLetterUpper)
            ? code
            : throw new DomainException(DomainError.InvalidCurrency, currency);
    }
}

/// <summary>A deal's stage and status at one moment (see <see cref="Deal.Snapshot"/>).</summary>
public sealed record DealState(long StageId, string EnteredStageName, DateTime StageEnteredAt, DealStatus Status,
    decimal Amount, long? LostReasonId, string? LostNote, DateTime? ClosedAt);

public enum DealStatus
{
    Open,
    Won,
    Lost,
}
