using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// The buttons under a forgotten-client nudge (and under a client handed to someone): log a call, plan, snooze,
/// lost, hand over. Each is its own route; this is the row they are offered in.
/// </summary>
internal static class NudgeButtons
{
    public static IReadOnlyList<IReadOnlyList<Button>> For(Texts t, long clientId) =>
    [
        [Button.Callback(t.LogCallButton, LogCallFromNudge.Data(clientId)), Button.Callback(t.PlanButton, PlanFromNudge.Data(clientId))],
        [Button.Callback(t.SnoozeButton, SnoozeClient.Data(clientId)), Button.Callback(t.LostButton, LoseClient.Data(clientId))],
        [Button.Callback(t.HandOverButton, HandOverClient.Data(clientId))],
    ];

}
