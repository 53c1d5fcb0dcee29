using System.Text;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>/forgotten: my clients with an open deal and no touch for too long, with "log a call" and "plan" buttons.</summary>
internal sealed class ListForgotten(CompanySettings settings) : ICommandHandler
{
    private const int Max = 15;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var days = await settings.GetForgottenAfterDaysAsync(ctx.Db, ct);
        var (forgotten, total) = await Forgotten.FindAsync(ctx, ctx.User.Id, days, Max, ct);
        if (forgotten.Count == 0)
        {
            ctx.Reply(ctx.T.NoForgotten(days));
            return;
        }

        var text = new StringBuilder(ctx.T.ForgottenHeader(total));
        var rows = new List<IReadOnlyList<Button>>();
        var n = 0;
        foreach (var f in forgotten)
        {
            n++;
            text.Append('\n').Append(ctx.T.ForgottenLine(n, f.Client.Name, f.DaysSilent(ctx.Now)));
            rows.Add([
                Button.Callback($"📞 {n}", ClientActions.Data(ClientActions.LogCall, f.Client.Id)),
                Button.Callback($"📅 {n}", ClientActions.Data(ClientActions.Plan, f.Client.Id)),
            ]);
        }

        if (total > forgotten.Count)
        {
            text.Append('\n').Append(ctx.T.AndMore(total - forgotten.Count));
        }

        text.Append("\n\n").Append(ctx.T.ForgottenButtonsHint());
        ctx.Reply(new Reply(text.ToString(), [.. rows.Chunk(2).Select(r => (IReadOnlyList<Button>)[.. r.SelectMany(b => b)])]));
    }
}
