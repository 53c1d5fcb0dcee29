using ChatCrm.Bot.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>/log &lt;work type&gt; &lt;client&gt; …: any configured work type; without one, the types as buttons.</summary>
internal sealed class LogAnyTouch : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var workType = parts.Length == 0 ? null : await WorkTypeLookup.FindAsync(ctx, parts[0], ct);
        if (workType is null)
        {
            var live = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).ToListAsync(ct);
            // The first word may well be the client («/log Ромашка …»): it waits in the dialog, the tapped type goes in front.
            ctx.AskChoice("log", "{0} " + args, ctx.T.AskWorkType(), live.Select(w => (ctx.Shown(w.Name), w.Code)));
            return;
        }

        await TouchLogging.LogCommandAsync(ctx, "log", workType, parts.Length > 1 ? parts[1] : "", ct, resumePrefix: workType.Code + " ");
    }

    public static async Task<IReadOnlyList<string>> LiveCodesAsync(BotContext ctx, CancellationToken ct) =>
        await ctx.Db.WorkTypes.Where(w => !w.IsRetired).OrderBy(w => w.Id).Select(w => w.Code).ToListAsync(ct);
}
