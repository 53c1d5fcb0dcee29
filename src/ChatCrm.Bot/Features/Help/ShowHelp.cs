using System.Text;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Bot.Features.Help;

/// <summary>/help lists what the user's role may do; /help &lt;command&gt; explains one with an example.</summary>
internal sealed class ShowHelp : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var name = args.Trim().TrimStart('/').ToLowerInvariant();
        if (name.Length == 0)
        {
            var list = new StringBuilder(ctx.T.HelpHeader(ctx.User.Role)).Append('\n');
            foreach (var command in CommandTable.AvailableTo(ctx.User.Role))
            {
                list.Append('\n').Append('/').Append(command.Name).Append(" — ").Append(ctx.T.Docs[command.Name].Summary);
            }

            ctx.Reply(list.Append("\n\n").Append(ctx.T.HelpFooter).ToString());
            return Task.CompletedTask;
        }

        var route = CommandTable.Find(name);
        if (route is null)
        {
            ctx.Reply(ctx.T.UnknownCommand(name));
        }
        else if (!ctx.User.Role.Includes(route.MinRole))
        {
            ctx.Reply(ctx.T.NotAllowed(name, route.MinRole));
        }
        else
        {
            var doc = ctx.T.Docs[name];
            ctx.Reply($"<b>/{name}</b> — {doc.Summary}\n<code>{doc.Usage}</code>\n{ctx.T.ExampleLabel}: <code>{doc.Example}</code>");
        }

        return Task.CompletedTask;
    }
}
