using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>A client with an open deal nobody has touched for too long, and since when (the last touch, else its creation).</summary>
public sealed record ForgottenClient(Client Client, DateTime SilentSince);

/// <summary>
/// Forgotten clients of one owner: an open deal and no touch for <c>Crm:ForgottenAfterDays</c> days, or for the
/// days the deal's stage sets itself. One indexed query per distinct threshold (there are only a few), so the
/// cost follows the answer, not the table.
/// </summary>
public static class Forgotten
{
    public static async Task<(IReadOnlyList<ForgottenClient> Clients, int Total)> FindAsync(
        BotContext ctx, long ownerUserId, int defaultDays, int limit, CancellationToken ct)
    {
        var ownThresholds = await ctx.Db.Stages.Where(s => s.ForgottenAfterDays != null)
            .Select(s => new { s.Id, Days = s.ForgottenAfterDays!.Value }).ToListAsync(ct);
        var overridden = ownThresholds.Select(s => s.Id).ToList();

        var found = new Dictionary<long, ForgottenClient>();
        var total = 0;
        foreach (var (days, stageIds, inStages) in ownThresholds.GroupBy(s => s.Days)
                     .Select(g => (g.Key, g.Select(s => s.Id).ToList(), true))
                     .Prepend((defaultDays, overridden, false)))
        {
            var cutoff = ctx.Now.AddDays(-days);
            var openDeals = ctx.Db.Deals.Where(d => d.Status == DealStatus.Open);
            openDeals = inStages ? openDeals.Where(d => stageIds.Contains(d.StageId)) : openDeals.Where(d => !stageIds.Contains(d.StageId));
            var query = ctx.Db.Clients.Where(c => c.OwnerUserId == ownerUserId
                && openDeals.Any(d => d.ClientId == c.Id)
                && (c.LastTouchAt < cutoff || (c.LastTouchAt == null && c.CreatedAt < cutoff)));
            total += await query.CountAsync(ct);
            foreach (var client in await query.OrderBy(c => c.LastTouchAt ?? c.CreatedAt).Take(limit).ToListAsync(ct))
            {
                found.TryAdd(client.Id, new ForgottenClient(client, client.LastTouchAt ?? client.CreatedAt));
            }
        }

        return ([.. found.Values.OrderBy(f => f.SilentSince).Take(limit)], Math.Max(total, found.Count));
    }

    /// <summary>Whole days without a touch, as the lists show it.</summary>
    public static int DaysSilent(this ForgottenClient forgotten, DateTime nowUtc) =>
        Math.Max(0, (int)(nowUtc - forgotten.SilentSince).TotalDays);
}
