using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Help;

/// <summary>/menu: the main actions of the user's role as buttons, so nobody has to remember a command.</summary>
internal sealed class ShowMenu : ICommandHandler
{
    // What each role reaches for most, in the order of a working day; settings last.
    private static readonly (Role Role, string Icon, string Command)[][] Rows =
    [
        [(Role.Manager, "📋", "today"), (Role.Manager, "🗓", "week")],
        [(Role.Manager, "👥", "clients"), (Role.Manager, "💼", "deals")],
        [(Role.Manager, "🕸", "forgotten"), (Role.Manager, "📈", "me")],
        [(Role.Head, "🧑‍💼", "team"), (Role.Head, "🗂", "plans")],
        [(Role.Head, "📊", "digest"), (Role.Head, "🎟", "invite")],
        [(Role.Admin, "🪜", "stages"), (Role.Admin, "👤", "users")],
        [(Role.Head, "⚙️", "settings"), (Role.Admin, "🧾", "audit")],
        [(Role.Manager, "🌐", "lang"), (Role.Manager, "🕒", "tz")],
        [(Role.Manager, "🔕", "quiet"), (Role.Manager, "❓", "help")],
    ];

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var rows = Rows
            .Select(row => (IReadOnlyList<Button>)row
                .Where(b => CommandTable.Find(b.Command) is { } route && ctx.User.Role.Includes(route.MinRole) && ctx.User.Role.Includes(b.Role))
                .Select(b => Button.Callback($"{b.Icon} {Capitalise(ctx.T.Docs[b.Command].Summary)}", CommandTable.Run(b.Command)))
                .ToList())
            .Where(row => row.Count > 0)
            .ToList();
        ctx.Reply(new Reply(ctx.T.MenuTitle(ctx.User.Role), rows));
        return Task.CompletedTask;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
