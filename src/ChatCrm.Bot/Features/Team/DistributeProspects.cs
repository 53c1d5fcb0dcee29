using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /distribute [#segment]: the unassigned prospects (clients with no owner) go to the active managers so
/// that their loads even out — the least loaded first. With a segment, only its prospects are handed out and
/// the load counted is the managers' clients in that segment. The bot shows the plan; a button commits it.
/// Buttons: <c>dist:&lt;segment id or 0&gt;:&lt;prospects shown&gt;</c>.
/// </summary>
internal sealed class DistributeProspects(IOptions<CrmOptions> crm) : ICommandHandler, ICallbackHandler
{
    /// <summary>How many of the clients a manager got are named in their notice (the rest are counted).</summary>
    private const int ProspectsNamed = 10;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (found, segment) = await SegmentArgument.ReadAsync(ctx, "distribute", args, ct);
        if (!found)
        {
            return;
        }

        var plan = await PlanAsync(ctx, segment, ct);
        if (plan is not null)
        {
            Preview(ctx, plan, segment, changed: false);
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args is ["-"])
        {
            ctx.Show(ctx.T.Cancelled());
            return;
        }

        if (args.Count != 2 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segmentId)
            || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var shown))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var segment = segmentId == 0 ? null : await ctx.Db.Segments.FirstOrDefaultAsync(s => s.Id == segmentId, ct);
        if (segmentId != 0 && segment is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var plan = await PlanAsync(ctx, segment, ct);
        if (plan is null)
        {
            return;
        }

        if (plan.Prospects.Count != shown)
        {
            // Someone took or added prospects since the preview: confirm the plan as it is now, not as it was.
            Preview(ctx, plan, segment, changed: true);
            return;
        }

        // Each manager's share is claimed with one conditional update (still unowned), as /take claims one client: a
        // prospect taken from the pool since the plan was loaded stays with whoever took it, and is not counted here.
        var at = 0;
        var given = new List<(User Manager, int Count)>();
        foreach (var (manager, _, add) in plan.Lines)
        {
            var share = plan.Prospects.Skip(at).Take(add).ToList();
            at += add;
            var ids = share.Select(c => c.Id).ToList();
            var count = ids.Count == 0 ? 0 : await ctx.Db.Clients.Where(c => ids.Contains(c.Id) && c.OwnerUserId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, (long?)manager.Id), ct);
            given.Add((manager, count));
            if (count > 0)
            {
                var names = count == share.Count
                    ? share.Take(ProspectsNamed).Select(c => c.Name).ToList()
                    : await ctx.Db.Clients.Where(c => ids.Contains(c.Id) && c.OwnerUserId == manager.Id)
                        .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Take(ProspectsNamed).Select(c => c.Name).ToListAsync(ct);
                ctx.Notify(manager, t => t.ProspectsReceived(count, segment?.Name ?? "") + "\n" + t.ProspectsNames(names, count - names.Count),
                    crm.Value.Language);
            }
        }

        // The entities loaded for the plan are stale now: nothing saves them over the updates.
        plan.Prospects.ForEach(c => ctx.Db.Entry(c).State = EntityState.Detached);
        var total = given.Sum(g => g.Count);
        var summary = string.Join(", ", given.Where(g => g.Count > 0).Select(g => $"{g.Manager.DisplayName} +{g.Count}"));
        ctx.Audit.Record(AuditActions.ClientsDistributed, segment?.Name ?? "*", $"{plan.Prospects.Count} unassigned", summary);
        ctx.Show(ctx.T.ProspectsDistributed(total, segment?.Name ?? "", given.Count(g => g.Count > 0)));
    }

    private sealed record Plan(List<Client> Prospects, List<(User Manager, int Load, int Add)> Lines);

    /// <summary>Loads the prospects and the managers' loads; replies itself and returns null when there is nothing to do.</summary>
    private static async Task<Plan?> PlanAsync(BotContext ctx, Segment? segment, CancellationToken ct)
    {
        var managers = await Colleagues.SalesManagersAsync(ctx, ct);
        if (managers.Count == 0)
        {
            ctx.Show(ctx.T.NoActiveManagers());
            return null;
        }

        var segmentId = segment?.Id;
        var prospects = await ctx.Db.Clients
            .Where(c => c.OwnerUserId == null && (segmentId == null || c.SegmentId == segmentId))
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        if (prospects.Count == 0)
        {
            ctx.Show(ctx.T.NoProspects(segment?.Name ?? ""));
            return null;
        }

        var ids = managers.Select(m => m.Id).ToList();
        var loads = await ctx.Db.Clients
            .Where(c => c.OwnerUserId != null && ids.Contains(c.OwnerUserId.Value) && (segmentId == null || c.SegmentId == segmentId))
            .GroupBy(c => c.OwnerUserId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var adds = Even(managers.Select(m => loads.GetValueOrDefault(m.Id)).ToList(), prospects.Count);
        return new Plan(prospects, [.. managers.Select((m, i) => (m, loads.GetValueOrDefault(m.Id), adds[i]))]);
    }

    /// <summary>
    /// How many of <paramref name="count"/> new clients each manager gets so that loads even out: each one goes
    /// to whoever has the fewest at that moment (ties to the earlier in the list).
    /// </summary>
    internal static int[] Even(IReadOnlyList<int> loads, int count)
    {
        var now = loads.ToArray();
        var adds = new int[now.Length];
        for (var k = 0; k < count; k++)
        {
            var least = 0;
            for (var i = 1; i < now.Length; i++)
            {
                if (now[i] < now[least])
                {
                    least = i;
                }
            }

            now[least]++;
            adds[least]++;
        }

        return adds;
    }

    private static void Preview(BotContext ctx, Plan plan, Segment? segment, bool changed)
    {
        var text = new StringBuilder(ctx.T.DistributePreview(plan.Prospects.Count, segment?.Name ?? "", plan.Lines.Count, changed));
        foreach (var (manager, load, add) in plan.Lines)
        {
            text.Append('\n').Append(ctx.T.DistributeLine(manager.DisplayName, load, add));
        }

        ctx.Show(new Reply(text.ToString(),
        [[
            Button.Callback(ctx.T.DistributeConfirmButton, $"dist:{segment?.Id ?? 0}:{plan.Prospects.Count}"),
            Button.Callback(ctx.T.CancelButton, "dist:-"),
        ]]));
    }
}
