using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /pipeline add &lt;name&gt; | rename &lt;cycle&gt; &lt;new name&gt; | default &lt;cycle&gt;. One default cycle at a time:
/// new deals open there. A new cycle starts empty and the admin adds its stages.
/// </summary>
internal sealed class EditPipeline : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (verb, rest) = ProcessArgs.Verb(args);
        var cycles = await Cycles.LiveAsync(ctx, ct);
        switch (verb)
        {
            case "add" or "добавить" or "new" or "новый":
                await AddAndSaveAsync(ctx, cycles, rest, ct);
                break;
            case "rename" or "переименовать":
                Rename(ctx, cycles, rest);
                break;
            case "default" or "основной" or "основная" or "по-умолчанию":
                MakeDefault(ctx, cycles, rest);
                break;
            default:
                ctx.Reply(ctx.T.HowToUse("pipeline"));
                break;
        }
    }

    private static async Task AddAndSaveAsync(BotContext ctx, List<SalesCycle> cycles, string name, CancellationToken ct)
    {
        if (name.Length == 0)
        {
            ctx.Ask("pipeline", "add", ctx.T.AskCycleName());
            return;
        }

        if (cycles.Any(c => ProcessArgs.Same(c.Name, name)))
        {
            ctx.Reply(ctx.T.CycleDuplicate(name));
            return;
        }

        var cycle = SalesCycle.Create(name, ctx.Now);
        ctx.Db.Cycles.Add(cycle);
        await ctx.Db.SaveChangesAsync(ct); // the add-a-stage button needs the cycle's id
        ctx.Audit.Record(AuditActions.CycleAdded, cycle.Name, null, cycle.Name);
        ctx.Reply(new Reply(ctx.T.CycleAdded(cycle.Name), [[Button.Callback(ctx.T.AddStageButton, $"stg:a:{cycle.Id}")]]));
    }

    private static void Rename(BotContext ctx, List<SalesCycle> cycles, string args)
    {
        var words = ProcessArgs.Words(args);
        for (var n = words.Length - 1; n >= 1; n--)
        {
            var prefix = string.Join(' ', words[..n]);
            var cycle = ProcessArgs.Id(prefix, 'y') is not null
                ? Cycles.Find(cycles, prefix)
                : cycles.FirstOrDefault(c => ProcessArgs.Same(c.Name, prefix));
            if (cycle is not null)
            {
                var newName = string.Join(' ', words[n..]);
                if (cycles.Any(c => c.Id != cycle.Id && ProcessArgs.Same(c.Name, newName)))
                {
                    ctx.Reply(ctx.T.CycleDuplicate(newName));
                    return;
                }

                var before = cycle.Name;
                cycle.Rename(newName);
                ctx.Audit.Record(AuditActions.CycleRenamed, before, before, cycle.Name);
                ctx.Reply(ctx.T.CycleRenamed(before, cycle.Name));
                return;
            }
        }

        if (words.Length == 0)
        {
            ctx.Reply(ctx.T.HowToUse("pipeline"));
            return;
        }

        ctx.AskChoice("pipeline", $"rename {{0}} {string.Join(' ', words[1..])}", ctx.T.CycleNotFound(words[0]),
            cycles.Select(c => (c.Name, ProcessArgs.Ref('y', c.Id))));
    }

    private static void MakeDefault(BotContext ctx, List<SalesCycle> cycles, string name)
    {
        var cycle = name.Length == 0 ? null : Cycles.Find(cycles, name);
        if (cycle is null)
        {
            ctx.AskChoice("pipeline", "default {0}", ctx.T.CycleNotFound(name), cycles.Select(c => (c.Name, ProcessArgs.Ref('y', c.Id))));
            return;
        }

        var previous = cycles.FirstOrDefault(c => c.IsDefault);
        if (ReferenceEquals(previous, cycle))
        {
            ctx.Reply(ctx.T.CycleAlreadyDefault(cycle.Name));
            return;
        }

        previous?.Unset();
        cycle.MakeDefault();
        ctx.Audit.Record(AuditActions.CycleDefault, cycle.Name, previous?.Name, cycle.Name);
        ctx.Reply(ctx.T.CycleDefaultSet(cycle.Name));
    }
}
