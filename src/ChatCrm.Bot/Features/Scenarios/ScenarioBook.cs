using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Scenarios;

/// <summary>
/// Loads deals' progress through their stage's scenario (<see cref="ScenarioProgress"/> counts it): the one place
/// /card, /deals, the next-step offers and the move check ask, so they never disagree. A fixed number of queries
/// however many deals: the steps of their stages, their clients' segments, and the done touches since the earliest entry.
/// </summary>
internal static class ScenarioBook
{
    /// <summary>Progress per deal id; a deal whose stage has no scenario is absent.</summary>
    public static async Task<IReadOnlyDictionary<long, ScenarioProgress>> ProgressAsync(ChatCrmDbContext db, IReadOnlyCollection<Deal> deals, CancellationToken ct)
    {
        var open = deals.Where(d => d.IsOpen).ToList();
        if (open.Count == 0)
        {
            return new Dictionary<long, ScenarioProgress>();
        }

        var stageIds = open.Select(d => d.StageId).Distinct().ToList();
        var steps = await db.ScenarioSteps.AsNoTracking().Where(s => stageIds.Contains(s.StageId)).ToListAsync(ct);
        if (steps.Count == 0)
        {
            return new Dictionary<long, ScenarioProgress>();
        }

        var scenarioDeals = open.Where(d => steps.Any(s => s.StageId == d.StageId)).ToList();
        var clientIds = scenarioDeals.Select(d => d.ClientId).Distinct().ToList();
        var segments = await db.Clients.Where(c => clientIds.Contains(c.Id)).Select(c => new { c.Id, c.SegmentId }).ToDictionaryAsync(c => c.Id, c => c.SegmentId, ct);
        var since = scenarioDeals.Min(d => d.StageEnteredAt);
        var touches = await db.Touches
            .Where(t => t.Status == TouchStatus.Done && clientIds.Contains(t.ClientId) && t.HappenedAt >= since)
            .Select(t => new { t.ClientId, t.WorkTypeId, t.HappenedAt })
            .ToListAsync(ct);

        var result = new Dictionary<long, ScenarioProgress>();
        foreach (var deal in scenarioDeals)
        {
            var (own, isOwn) = ScenarioProgress.StepsFor(steps, deal.StageId, segments.GetValueOrDefault(deal.ClientId));
            var done = touches.Where(t => t.ClientId == deal.ClientId && t.HappenedAt >= deal.StageEnteredAt).Select(t => t.WorkTypeId);
            if (ScenarioProgress.Of(own, done, isOwn) is { } progress)
            {
                result[deal.Id] = progress;
            }
        }

        return result;
    }

    /// <summary>One deal's progress; null when its stage has no scenario (or it is closed).</summary>
    public static async Task<ScenarioProgress?> ProgressAsync(ChatCrmDbContext db, Deal deal, CancellationToken ct) =>
        (await ProgressAsync(db, [deal], ct)).GetValueOrDefault(deal.Id);

    /// <summary>The names of the live and retired work types the steps name, by id.</summary>
    public static async Task<IReadOnlyDictionary<long, string>> WorkTypeNamesAsync(ChatCrmDbContext db, IEnumerable<ScenarioStep> steps, CancellationToken ct)
    {
        var ids = steps.Select(s => s.WorkTypeId).Distinct().ToList();
        return await db.WorkTypes.Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
    }
}
