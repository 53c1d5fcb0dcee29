using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Help;

/// <summary>/menu: the main actions of the user's role as buttons, so nobody has to remember a command.</summary>
internal sealed class ShowMenu : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        List<IReadOnlyList<Button>> rows =
        [
            [Run(ctx, "🌐", "lang"), Run(ctx, "🕒", "tz")],
            [Run(ctx, "🔕", "quiet"), Run(ctx, "❓", "help")],
        ];

        if (ctx.User.Role.Includes(Role.Head))
        {
            rows.Add([Run(ctx, "🎟", "invite")]);
        }

        if (ctx.User.Role.Includes(Role.Admin))
        {
            rows.Add([Run(ctx, "👥", "users")]);
        }

        ctx.Reply(new Reply(ctx.T.MenuTitle(ctx.User.Role), rows));
        return Task.CompletedTask;
    }

    private static Button Run(BotContext ctx, string icon, string command) =>
        Button.Callback($"{icon} {Capitalise(ctx.T.Docs[command].Summary)}", CommandTable.Run(command));

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
