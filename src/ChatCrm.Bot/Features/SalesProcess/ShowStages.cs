using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Departments;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /stages [cycle]: the cycle as a funnel — open deals and their amount per stage, counted in SQL — with a
/// button per stage that opens its card (↑ ↓, rename, days, probability, remove). Buttons: <c>stg:&lt;what&gt;:&lt;id&gt;</c>.
/// </summary>
internal sealed class ShowStages(IOptions<CrmOptions> crm, CommandRunner runner) : ICommandHandler, ICallbackHandler
{
    private const int BarWidth = 10;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var live = await Cycles.LiveAsync(ctx, ct);
        var cycle = Cycles.Find(live, args);
        if (cycle is null)
        {
            ctx.Reply(new Reply(ctx.T.CycleNotFound(args), CyclePicker(live)));
            return;
        }

        await FunnelAsync(ctx, cycle, live, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 2 || !long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var stageRef = ProcessArgs.Ref('s', id);
        switch (args[0])
        {
            case "f":
                var live = await Cycles.LiveAsync(ctx, ct);
                if (live.FirstOrDefault(c => c.Id == id) is { } cycle)
                {
                    await FunnelAsync(ctx, cycle, live, ct);
                }
                else
                {
                    ctx.CallbackToast = ctx.T.StaleButton();
                }

                break;
            case "e":
                await CardAsync(ctx, id, ct);
                break;
            case "u" or "d":
                await StepAndSaveAsync(ctx, id, args[0] == "u" ? -1 : 1, ct);
                break;
            case "a":
                ctx.Ask("stage", $"add {{0}} cycle {ProcessArgs.Ref('y', id)}", ctx.T.AskNewStageName());
                break;
            case "o":
                if (await ctx.Db.Stages.FirstOrDefaultAsync(s => s.Id == id && !s.IsRetired, ct) is { } owned)
                {
                    StageOwnership.AskOwner(ctx, owned, await DepartmentFinder.LiveAsync(ctx.Db, ct), ctx.T.AskStageOwner(owned.Name));
                }
                else
                {
                    ctx.CallbackToast = ctx.T.StaleButton();
                }

                break;
            case "r" or "t" or "p" or "x":
                var stage = await ctx.Db.Stages.FirstOrDefaultAsync(s => s.Id == id && !s.IsRetired, ct);
                if (stage is null)
                {
                    ctx.CallbackToast = ctx.T.StaleButton();
                }
                else if (args[0] == "r")
                {
                    ctx.Ask("stage", $"rename {stageRef}", ctx.T.AskStageName(stage.Name));
                }
                else if (args[0] == "t")
                {
                    ctx.Ask("stage", $"set {stageRef} days", ctx.T.AskStageDays(stage.Name, stage.DaysAllowed));
                }
                else if (args[0] == "p")
                {
                    ctx.Ask("stage", $"set {stageRef} prob", ctx.T.AskStageProbability(stage.Name, stage.Probability));
                }
                else
                {
                    ctx.Show(new Reply(ctx.T.StageRemoveConfirm(stage.Name),
                        [[Button.Callback(ctx.T.Yes, $"stg:xy:{id}"), Button.Callback(ctx.T.No, $"stg:e:{id}")]]));
                }

                break;
            case "xy":
                ctx.SourceMessageId = null;
                await runner.RunCommandAsync(ctx, "stage", $"remove {stageRef}", ct);
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }

    private async Task FunnelAsync(BotContext ctx, SalesCycle cycle, IReadOnlyList<SalesCycle> live, CancellationToken ct)
    {
        var stages = StageOrder.Live(await ctx.Db.Stages.AsNoTracking().Where(s => s.CycleId == cycle.Id).ToListAsync(ct));
        var stats = await ctx.Db.Deals
            .Where(d => d.CycleId == cycle.Id && d.Status == DealStatus.Open)
            .GroupBy(d => d.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count(), Amount = g.Sum(d => d.Amount) })
            .ToDictionaryAsync(s => s.StageId, ct);

        var currency = crm.Value.Currency;
        var total = stats.Values.Sum(s => s.Amount);
        var weighted = stages.Sum(s => stats.TryGetValue(s.Id, out var x) ? x.Amount * s.Probability / 100m : 0m);
        var max = Math.Max(1, stats.Values.Select(s => s.Count).DefaultIfEmpty(0).Max());
        var owners = await StageOwnership.NamesAsync(ctx.Db, stages, ct);
        var text = new StringBuilder(ctx.T.FunnelHeader(cycle.Name, cycle.IsDefault, stats.Values.Sum(s => s.Count),
            ctx.T.Money(total, currency), ctx.T.Money(weighted, currency)));
        foreach (var s in stages)
        {
            var (count, amount) = stats.TryGetValue(s.Id, out var x) ? (x.Count, x.Amount) : (0, 0m);
            var filled = count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * BarWidth / max));
            var bar = new string('▰', filled) + new string('▱', BarWidth - filled);
            text.Append("\n\n").Append(ctx.T.FunnelLine(s.Position, s.Name, count, ctx.T.Money(amount, currency), s.Probability, s.DaysAllowed, bar));
            if (owners(s) is { } owner)
            {
                text.Append('\n').Append(ctx.T.StageOwnerLine(owner));
            }
        }

        if (stages.Count == 0)
        {
            text.Append("\n\n").Append(ctx.T.FunnelEmpty());
        }

        List<IReadOnlyList<Button>> rows = [.. stages
            .Select(s => Button.Callback($"✏️ {s.Position}. {s.Name}", $"stg:e:{s.Id}"))
            .Chunk(2).Select(r => (IReadOnlyList<Button>)r)];
        rows.Add([Button.Callback(ctx.T.AddStageButton, $"stg:a:{cycle.Id}")]);
        rows.AddRange(CyclePicker(live.Where(c => c.Id != cycle.Id)));
        ctx.Show(new Reply(text.ToString(), rows));
    }

    private static async Task CardAsync(BotContext ctx, long stageId, CancellationToken ct)
    {
        var stage = await ctx.Db.Stages.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stageId && !s.IsRetired, ct);
        if (stage is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var cycle = await ctx.Db.Cycles.AsNoTracking().FirstAsync(c => c.Id == stage.CycleId, ct);
        var liveCount = await ctx.Db.Stages.CountAsync(s => s.CycleId == stage.CycleId && !s.IsRetired, ct);
        var open = await ctx.Db.Deals.CountAsync(d => d.StageId == stage.Id && d.Status == DealStatus.Open, ct);
        var card = ctx.T.StageCard(cycle.Name, stage.Name, stage.Position, liveCount, open, stage.Probability, stage.DaysAllowed);
        if ((await StageOwnership.NamesAsync(ctx.Db, [stage], ct))(stage) is { } owner)
        {
            card += "\n" + ctx.T.StageOwnerLine(owner);
        }

        ctx.Show(new Reply(card,
        [
            [Button.Callback(ctx.T.StageUpButton, $"stg:u:{stage.Id}"), Button.Callback(ctx.T.StageDownButton, $"stg:d:{stage.Id}")],
            [Button.Callback(ctx.T.StageRenameButton, $"stg:r:{stage.Id}"), Button.Callback(ctx.T.StageDaysButton, $"stg:t:{stage.Id}")],
            [Button.Callback(ctx.T.StageProbabilityButton, $"stg:p:{stage.Id}"), Button.Callback(ctx.T.StageOwnerButton, $"stg:o:{stage.Id}")],
            [Button.Callback(ctx.T.StageRemoveButton, $"stg:x:{stage.Id}"), Button.Callback(ctx.T.BackToFunnelButton, $"stg:f:{cycle.Id}")],
        ]));
    }

    /// <summary>↑ and ↓ on the card: one place up or down, then the card again.</summary>
    private static async Task StepAndSaveAsync(BotContext ctx, long stageId, int delta, CancellationToken ct)
    {
        var stage = await ctx.Db.Stages.FirstOrDefaultAsync(s => s.Id == stageId && !s.IsRetired, ct);
        if (stage is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var siblings = await ctx.Db.Stages.Where(s => s.CycleId == stage.CycleId).ToListAsync(ct);
        var from = stage.Position;
        var to = from + delta;
        if (to < 1 || to > StageOrder.Live(siblings).Count)
        {
            ctx.CallbackToast = ctx.T.StageAlreadyAtEdge();
            return;
        }

        StageOrder.Place(siblings, stage, to);
        ctx.Audit.Record(AuditActions.StageMoved, stage.Name, from.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture));
        await ctx.Db.SaveChangesAsync(ct);
        await CardAsync(ctx, stageId, ct);
    }

    private static List<IReadOnlyList<Button>> CyclePicker(IEnumerable<SalesCycle> cycles) =>
        [.. cycles.Select(c => Button.Callback($"🔁 {c.Name}", $"stg:f:{c.Id}")).Chunk(2).Select(r => (IReadOnlyList<Button>)r)];
}
