using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>/quiet 21:00-08:00 or /quiet off: when the bot must not start a conversation.</summary>
internal sealed class SetQuietHours : ICommandHandler, ICallbackHandler
{
    private static readonly string[] OffWords = ["off", "выкл", "нет", "none", "отключить"];

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (args.Length == 0)
        {
            ctx.Ask("quiet", "", new Reply(ctx.T.QuietShow(ctx.User.Quiet),
            [
                [Button.Callback("21:00–08:00", "quiet:21:00-08:00"), Button.Callback("22:00–09:00", "quiet:22:00-09:00")],
                [Button.Callback(ctx.T.Language == Language.Ru ? "🔔 Выключить" : "🔔 Turn off", "quiet:off")],
            ]));
        }
        else if (OffWords.Contains(args.Trim().ToLowerInvariant()))
        {
            Apply(ctx, null);
        }
        else if (QuietHours.TryParse(args) is { } quiet)
        {
            Apply(ctx, quiet);
        }
        else
        {
            ctx.Ask("quiet", "", ctx.T.QuietInvalid(args));
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        ctx.User.EndDialog();
        return HandleAsync(ctx, string.Join(':', args), ct);
    }

    private static void Apply(BotContext ctx, QuietHours? quiet)
    {
        var before = ctx.User.Quiet?.ToString();
        ctx.User.SetQuietHours(quiet);
        ctx.Audit.Record(AuditActions.UserQuietHours, ctx.User.DisplayName, before, quiet?.ToString());
        ctx.Reply(quiet is null ? ctx.T.QuietOff() : ctx.T.QuietSet(quiet));
    }
}
