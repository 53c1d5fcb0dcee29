using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Settings;

/// <summary>/tz with a zone, a city or an offset; without one it shows the current zone and offers the common ones.</summary>
internal sealed class SetTimeZone : ICommandHandler, ICallbackHandler
{
    private static readonly (string Ru, string En, string Zone)[] Common =
    [
        ("Калининград", "Kaliningrad", "Europe/Kaliningrad"),
        ("Москва", "Moscow", "Europe/Moscow"),
        ("Самара", "Samara", "Europe/Samara"),
        ("Екатеринбург", "Yekaterinburg", "Asia/Yekaterinburg"),
        ("Новосибирск", "Novosibirsk", "Asia/Novosibirsk"),
        ("Красноярск", "Krasnoyarsk", "Asia/Krasnoyarsk"),
        ("Иркутск", "Irkutsk", "Asia/Irkutsk"),
        ("Владивосток", "Vladivostok", "Asia/Vladivostok"),
        ("Берлин", "Berlin", "Europe/Berlin"),
    ];

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (args.Length == 0)
        {
            var buttons = Common.Chunk(3)
                .Select(row => (IReadOnlyList<Button>)row.Select(c => Button.Callback(
                    ctx.T.Language == Core.Domain.Users.Language.Ru ? c.Ru : c.En, $"tz:{c.Zone}")).ToList())
                .ToList();
            ctx.Ask("tz", "", new Reply(
                ctx.T.TimeZoneShow(ctx.User.TimeZoneId, TimeZones.DescribeOffset(ctx.Zone, ctx.Now), ctx.LocalNow), buttons));
            return Task.CompletedTask;
        }

        if (TimeZones.Resolve(args) is not { } zoneId)
        {
            ctx.Ask("tz", "", ctx.T.TimeZoneUnknown(args));
            return Task.CompletedTask;
        }

        Apply(ctx, zoneId);
        return Task.CompletedTask;
    }

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 1 && TimeZones.Find(args[0]) is not null)
        {
            ctx.User.EndDialog();
            Apply(ctx, args[0]);
        }
        else
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }

        return Task.CompletedTask;
    }

    private static void Apply(BotContext ctx, string zoneId)
    {
        var before = ctx.User.TimeZoneId;
        ctx.User.SetTimeZone(zoneId);
        ctx.Audit.Record(AuditActions.UserTimeZone, ctx.User.DisplayName, before, zoneId);
        ctx.Reply(ctx.T.TimeZoneSet(zoneId, TimeZones.DescribeOffset(ctx.Zone, ctx.Now), ctx.LocalNow));
    }
}
