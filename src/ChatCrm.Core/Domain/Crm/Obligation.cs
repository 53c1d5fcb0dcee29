namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// What follows a deal: an expected payment (an invoice with a due date), a payment received, a shipment, or an
/// expected shipment (a date the goods should go out by). Expected payments are settled when the deal's payments
/// cover them, expected shipments when shipments are recorded (<see cref="Settle"/>).
/// </summary>
public sealed class Obligation
{
    public const int MaxNoteLength = 1000;

    private Obligation()
    {
    }

    public long Id { get; private set; }
    public long DealId { get; private set; }
    public ObligationKind Kind { get; private set; }

    /// <summary>Always set and positive for payments and expected payments; optional for shipments.</summary>
    public decimal? Amount { get; private set; }

    /// <summary>When an expected payment or an expected shipment is due.</summary>
    public DateTime? DueAt { get; private set; }

    /// <summary>When a payment or shipment happened.</summary>
    public DateTime? At { get; private set; }
    public string? Note { get; private set; }
    public long CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// Only an expected payment or an expected shipment can be unsettled; payments and shipments owe nothing and are
    /// settled from the start.
    /// </summary>
    public bool IsSettled { get; private set; }

    public static Obligation ExpectPayment(Deal deal, decimal amount, DateTime dueAtUtc, long byUserId, DateTime nowUtc,
        string? note = null)
    {
        var o = New(deal, ObligationKind.ExpectedPayment, Positive(amount), note, byUserId, nowUtc);
        o.DueAt = dueAtUtc;
        o.IsSettled = false;
        return o;
    }

    /// <summary>Goods are to go out by <paramref name="dueAtUtc"/>; unsettled until a shipment is recorded on the deal.</summary>
    public static Obligation ExpectShipment(Deal deal, DateTime dueAtUtc, long byUserId, DateTime nowUtc, string? note = null)
    {
        var o = New(deal, ObligationKind.ExpectedShipment, null, note, byUserId, nowUtc);
        o.DueAt = dueAtUtc;
        o.IsSettled = false;
        return o;
    }

    public static Obligation RecordPayment(Deal deal, decimal amount, DateTime atUtc, long byUserId, DateTime nowUtc,
        string? note = null)
    {
        var o = New(deal, ObligationKind.Payment, Positive(amount), note, byUserId, nowUtc);
        o.At = Happened(atUtc, nowUtc);
        return o;
    }

    public static Obligation RecordShipment(Deal deal, DateTime atUtc, long byUserId, DateTime nowUtc,
        string? note = null, decimal? amount = null)
    {
        var o = New(deal, ObligationKind.Shipment, amount is { } a ? Positive(a) : null, note, byUserId, nowUtc);
        o.At = Happened(atUtc, nowUtc);
        return o;
    }

    /// <summary>
    /// Applies a deal's payments to its expected payments, earliest due first, marks the fully covered ones settled
    /// and returns what is still owed (never negative; overpayment is not carried anywhere). Each shipment settles one
    /// expected shipment, earliest due first, so one shipment answers one promised date.
    /// </summary>
    public static decimal Settle(IEnumerable<Obligation> dealObligations)
    {
        ArgumentNullException.ThrowIfNull(dealObligations);
        var all = dealObligations.ToList();
        var paid = all.Where(o => o.Kind == ObligationKind.Payment).Sum(o => o.Amount ?? 0);
        var expected = all.Where(o => o.Kind == ObligationKind.ExpectedPayment)
            .OrderBy(o => o.DueAt).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id).ToList();

        var left = paid;
        foreach (var e in expected)
        {
            var amount = e.Amount ?? 0;
            e.IsSettled = left >= amount;
            // A partial payment belongs to the earliest invoice; it must not settle a later, smaller one.
            left = e.IsSettled ? left - amount : 0;
        }

        var shipments = all.Count(o => o.Kind == ObligationKind.Shipment);
        var promised = all.Where(o => o.Kind == ObligationKind.ExpectedShipment)
            .OrderBy(o => o.DueAt).ThenBy(o => o.CreatedAt).ThenBy(o => o.Id).ToList();
        for (var i = 0; i < promised.Count; i++)
        {
            promised[i].IsSettled = i < shipments;
        }

        return Math.Max(0, expected.Sum(e => e.Amount ?? 0) - paid);
    }

    private static Obligation New(Deal deal, ObligationKind kind, decimal? amount, string? note, long byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.Status == DealStatus.Lost)
        {
            throw new DomainException(DomainError.DealLost);
        }

        return new Obligation
        {
            DealId = deal.Id,
            Kind = kind,
            Amount = amount,
            Note = Text.Note(note, MaxNoteLength),
            CreatedByUserId = byUserId,
            CreatedAt = nowUtc,
            IsSettled = true,
        };
    }

    private static decimal Positive(decimal amount) =>
        amount > 0 ? amount : throw new DomainException(DomainError.AmountNotPositive);

    private static DateTime Happened(DateTime atUtc, DateTime nowUtc) =>
        atUtc <= nowUtc ? atUtc : throw new DomainException(DomainError.DateInFuture);
}

public enum ObligationKind
{
    ExpectedPayment,
    Payment,
    Shipment,

    /// <summary>A date the goods should go out by; settled by a <see cref="Shipment"/>. Stored as its number: no migration.</summary>
    ExpectedShipment,
}
