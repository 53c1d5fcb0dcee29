using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// "When is the next contact?" after a touch: tomorrow / in 3 days / next week / pick a date / none. A tap plans it
/// (<c>nx:&lt;client&gt;:&lt;work type&gt;:&lt;option&gt;</c>); "pick" asks for a typed date that /plan reads.
/// </summary>
internal sealed class NextStep : ICallbackHandler
{
    private const string Prefix = "nx";

    /// <summary>The buttons; <paramref name="withNone"/> adds "no next contact" (after a touch, not for plain planning).</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> Buttons(BotContext ctx, long clientId, long workTypeId, bool withNone = true)
    {
        var data = string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{clientId}:{workTypeId}");
        List<IReadOnlyList<Button>> rows =
        [
            [Button.Callback(ctx.T.Tomorrow, data + ":t"), Button.Callback(ctx.T.InThreeDays, data + ":3")],
            [Button.Callback(ctx.T.NextWeek, data + ":w"), Button.Callback(ctx.T.PickDate, data + ":p")],
        ];
        if (withNone)
        {
            rows.Add([Button.Callback(ctx.T.NoNextContact, data + ":0")]);
        }

        return rows;
    }

    /// <summary>
    /// <c>nx:&lt;client&gt;:&lt;work type&gt;:d&lt;yyyyMMdd[HHmm]&gt;</c>: plans the contact on a day read from a note
    /// (at <see cref="TouchTimes.DefaultTime"/> when the note gave no time).
    /// </summary>
    public static string OnDay(long clientId, long workTypeId, WhenPhrase when) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{clientId}:{workTypeId}:d")
        + when.LocalDateTime.ToString(when.HasTime ? DayAndTime : Day, CultureInfo.InvariantCulture);

    private const string Day = "yyyyMMdd";
    private const string DayAndTime = "yyyyMMddHHmm";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 3 || !long.TryParse(args[0], CultureInfo.InvariantCulture, out var clientId)
            || !long.TryParse(args[1], CultureInfo.InvariantCulture, out var workTypeId))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var client = await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == clientId, ct);
        var workType = await ctx.Db.WorkTypes.FirstOrDefaultAsync(w => w.Id == workTypeId, ct);
        if (client is null || workType is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        switch (args[2])
        {
            case "0":
                ctx.Show(ctx.T.NoNextContactSet(client.Name));
                return;
            case "p":
                ctx.Ask("plan", $"#c{client.Id.ToString(CultureInfo.InvariantCulture)} {workType.Code}", ctx.T.AskWhen(client.Name));
                return;
            case "t" or "3" or "w":
                var when = args[2] switch { "t" => QuickWhen.Tomorrow, "3" => QuickWhen.InThreeDays, _ => QuickWhen.NextWeek };
                var planned = await PlanContact.PlanAndSaveAsync(ctx, client, workType, TouchTimes.QuickUtc(when, ctx.Now, ctx.Zone), null, ct);
                ctx.Show(PlanContact.Planned(ctx, client, workType, planned));
                return;
            case ['d', .. var written] when DateTime.TryParseExact(written, [DayAndTime, Day], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local):
                var onDay = DateOnly.FromDateTime(local);
                var at = LocalCalendar.At(onDay, written.Length == DayAndTime.Length ? TimeOnly.FromDateTime(local) : TouchTimes.DefaultTime, ctx.Zone);
                var plannedOnDay = await PlanContact.PlanAndSaveAsync(ctx, client, workType, at, null, ct);
                ctx.Reply(PlanContact.Planned(ctx, client, workType, plannedOnDay));
                return;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                return;
        }
    }
}
