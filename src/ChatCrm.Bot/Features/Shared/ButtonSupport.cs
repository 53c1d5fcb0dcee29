using System.Globalization;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// What the buttons under scheduled messages share — a reminder, a plan, a nudge, an escalation: reading an id from
/// the callback data, finding the client it points at, ending the client's nudge streak, offering days.
/// </summary>
internal static class ButtonSupport
{
    public static long? Id(IReadOnlyList<string> args, int index) =>
        args.Count > index && long.TryParse(args[index], CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The client, when it exists and this user may see it; otherwise the tap is answered as stale.</summary>
    public static async Task<Client?> ClientAsync(BotContext ctx, long? id, CancellationToken ct)
    {
        var client = id is { } i ? await ctx.Db.Clients.FindAsync([i], ct) : null;
        if (client is null || !await ctx.CanSeeAsync(client, ct))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return null;
        }

        return client;
    }

    /// <summary>The owner acted on the client: a running nudge streak ends (no escalation for it).</summary>
    public static async Task EndStreakAsync(BotContext ctx, long clientId, CancellationToken ct)
    {
        var streak = await ctx.Db.ClientNudges.FirstOrDefaultAsync(n => n.ClientId == clientId, ct);
        streak?.Answered();
    }

    /// <summary>A local day <paramref name="days"/> from today at a local time, as UTC.</summary>
    public static DateTime InDays(BotContext ctx, int days, TimeOnly at) =>
        LocalCalendar.At(LocalCalendar.Today(ctx.Now, ctx.Zone).AddDays(days), at, ctx.Zone);

    /// <summary>Days offered when a contact is planned or moved: tomorrow, in 3 days, in a week.</summary>
    public static IReadOnlyList<Button> DayChoices(Texts t, Func<int, string> data) =>
        [Button.Callback(t.TomorrowButton, data(1)), Button.Callback(t.InDaysButton(3), data(3)), Button.Callback(t.InDaysButton(7), data(7))];
}
