using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>📅 under a reminder: pick a day (tomorrow, in 3 days, in a week); the contact keeps its time of day.</summary>
internal sealed class RescheduleContact : ICallbackHandler
{
    public const string Prefix = "sch:move";
    private static readonly int[] Offered = [1, 3, 7];

    /// <summary><c>sch:move:&lt;touch&gt;[:&lt;days&gt;]</c>: without days it asks for them.</summary>
    public static string Data(long touchId, int? days = null) => $"{Prefix}:{touchId}{(days is { } d ? $":{d}" : "")}";

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (await ContactButtons.PlannedContactAsync(ctx, ButtonSupport.Id(args, 0), fromPlan: false, ct) is not var (touch, client))
        {
            return;
        }

        if (ButtonSupport.Id(args, 1) is not { } days || !Offered.Contains((int)days))
        {
            ctx.Show(new Reply(ctx.T.RescheduleAsk(client.Name), [ButtonSupport.DayChoices(ctx.T, d => Data(touch.Id, d))]));
            return;
        }

        var at = ButtonSupport.InDays(ctx, (int)days, TimeOnly.FromDateTime(TimeZones.ToLocal(touch.PlannedFor ?? ctx.Now, ctx.Zone)));
        await ContactButtons.MoveAndSaveAsync(ctx, touch, client, at, fromPlan: false, ct);
    }
}
