using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Web.Board;

/// <summary>What the board shows: one cycle, narrowed to a manager and a segment (either may be left out).</summary>
public sealed record BoardFilter(long? CycleId, long? ManagerId, long? SegmentId);

/// <summary>
/// The pipeline as columns: the live stages of one sales cycle, each with its open deals that the user may see. A
/// column holds at most <see cref="BoardQuery.PageSize"/> cards at a time, the longest-waiting first (they are the ones
/// a head looks for); its count and sum are of all its deals.
/// </summary>
public sealed record BoardView(
    BoardChoice Cycle,
    IReadOnlyList<BoardChoice> Cycles,
    IReadOnlyList<BoardChoice> Managers,
    IReadOnlyList<BoardChoice> Segments,
    BoardFilter Filter,
    IReadOnlyList<BoardColumn> Columns,
    bool ShowsOwners);

public sealed record BoardChoice(long Id, string Name);

public sealed record BoardColumn(long StageId, string Name, int Count, decimal Sum, int? DaysAllowed, IReadOnlyList<BoardCard> Cards)
{
    public bool HasMore(int skip) => skip + Cards.Count < Count;
}

/// <param name="Rotting">Longer in its stage than the stage allows (<see cref="Deal.IsStuck"/>).</param>
/// <param name="NextContactUtc">The client's next planned contact, if any: the deal's next step.</param>
/// <param name="Owner">The manager's name, on a board that shows everyone's deals; null on a manager's own.</param>
public sealed record BoardCard(long DealId, string Title, string Client, decimal Amount, string Currency, int DaysInStage, bool Rotting,
    DateTime? NextContactUtc, string? Owner);

/// <summary>
/// Reads the board for one user through <see cref="Visibility"/>, the same rule every chat command starts from: a
/// manager's board holds only their deals whatever the filter says, a head's the whole department's.
/// </summary>
public sealed class BoardQuery(ChatCrmDbContext db, TimeProvider time)
{
    public const int PageSize = 50;

    /// <summary>The board; null when the cycle asked for does not exist (or none does).</summary>
    public async Task<BoardView?> ReadAsync(User user, BoardFilter filter, CancellationToken ct)
    {
        var cycles = await db.Cycles.AsNoTracking().Where(c => !c.IsRetired).OrderByDescending(c => c.IsDefault).ThenBy(c => c.Id)
            .Select(c => new BoardChoice(c.Id, c.Name)).ToListAsync(ct);
        var cycle = filter.CycleId is { } wanted ? cycles.FirstOrDefault(c => c.Id == wanted) : cycles.FirstOrDefault();
        if (cycle is null)
        {
            return null;
        }

        var seesOwners = user.SeesEverything() || user.IsStaff();
        var narrowed = filter with { CycleId = cycle.Id, ManagerId = user.SeesEverything() ? filter.ManagerId : null };
        var stages = await db.Stages.AsNoTracking().Where(s => s.CycleId == cycle.Id && !s.IsRetired).OrderBy(s => s.Position).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        // By the cycle's stages rather than the deal's cycle: the (status, stage, amount) index then answers the counts and sums alone.
        var deals = Deals(user, narrowed).Where(d => stageIds.Contains(d.StageId));
        var totals = await deals.GroupBy(d => d.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count(), Sum = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(t => t.StageId, ct);

        var columns = new List<BoardColumn>(stages.Count);
        foreach (var stage in stages)
        {
            var total = totals.GetValueOrDefault(stage.Id);
            var cards = total is null ? [] : await CardsAsync(deals, stage, 0, seesOwners, ct);
            columns.Add(new BoardColumn(stage.Id, stage.Name, total?.Count ?? 0, total?.Sum ?? 0m, stage.DaysAllowed, cards));
        }

        var managers = user.SeesEverything()
            ? await db.Users.AsNoTracking().Where(u => u.IsActive && u.DepartmentId == null).OrderBy(u => u.DisplayName)
                .Select(u => new BoardChoice(u.Id, u.DisplayName)).ToListAsync(ct)
            : [];
        var segments = await db.Segments.AsNoTracking().Where(s => !s.IsRetired).OrderBy(s => s.Name)
            .Select(s => new BoardChoice(s.Id, s.Name)).ToListAsync(ct);
        return new BoardView(cycle, cycles, managers, segments, narrowed, columns, seesOwners);
    }

    /// <summary>The next cards of one column, after the first <paramref name="skip"/>; null for a stage the board does not have.</summary>
    public async Task<(BoardColumn Column, int Skip)?> ColumnAsync(User user, BoardFilter filter, long stageId, int skip, CancellationToken ct)
    {
        var stage = await db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && !s.IsRetired, ct);
        if (stage is null)
        {
            return null;
        }

        var narrowed = filter with { CycleId = stage.CycleId, ManagerId = user.SeesEverything() ? filter.ManagerId : null };
        var deals = Deals(user, narrowed).Where(d => d.StageId == stage.Id);
        var count = await deals.CountAsync(ct);
        var sum = count == 0 ? 0m : await deals.SumAsync(d => d.Amount, ct);
        var cards = await CardsAsync(deals, stage, skip, user.SeesEverything() || user.IsStaff(), ct);
        return (new BoardColumn(stage.Id, stage.Name, count, sum, stage.DaysAllowed, cards), skip);
    }

    private IQueryable<Deal> Deals(User user, BoardFilter filter)
    {
        var deals = db.VisibleDeals(user).AsNoTracking().Where(d => d.Status == DealStatus.Open);
        if (filter.ManagerId is { } manager)
        {
            deals = deals.Where(d => d.OwnerUserId == manager);
        }

        if (filter.SegmentId is { } segment)
        {
            deals = deals.Where(d => db.Clients.Any(c => c.Id == d.ClientId && c.SegmentId == segment));
        }

        return deals;
    }

    private async Task<List<BoardCard>> CardsAsync(IQueryable<Deal> deals, Stage stage, int skip, bool seesOwners, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await deals.Where(d => d.StageId == stage.Id)
            .OrderBy(d => d.StageEnteredAt).ThenBy(d => d.Id)
            .Skip(skip).Take(PageSize)
            .Join(db.Clients, d => d.ClientId, c => c.Id, (d, c) => new { Deal = d, Client = c.Name, c.NextContactAt })
            .Join(db.Users, x => x.Deal.OwnerUserId, u => u.Id, (x, u) => new { x.Deal, x.Client, x.NextContactAt, Owner = u.DisplayName })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Deal.StageEnteredAt).ThenBy(r => r.Deal.Id).Select(r => new BoardCard(r.Deal.Id, r.Deal.Title, r.Client, r.Deal.Amount, r.Deal.Currency, r.Deal.DaysInStage(now),
            r.Deal.IsStuck(stage, now), r.NextContactAt, seesOwners ? r.Owner : null))];
    }
}
