using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Jobs;

/// <summary>Callback data of the scheduler's buttons: `sch:&lt;verb&gt;:&lt;id&gt;[:…]`, ids only.</summary>
public static class ScheduleCallbacks
{
    public const string Prefix = "sch";

    /// <summary>Marks a button under a list (a plan, /today): the list stays and the answer comes as a new message.</summary>
    public const string FromPlan = "p";

    public static string Done(long touchId, bool fromPlan = false) => $"{Prefix}:done:{touchId}{(fromPlan ? $":{FromPlan}" : "")}";
    public static string Later(long touchId, string when, bool fromPlan = false) => $"{Prefix}:later:{touchId}:{when}{(fromPlan ? $":{FromPlan}" : "")}";
    public static string Move(long touchId, int? days = null) => $"{Prefix}:move:{touchId}{(days is { } d ? $":{d}" : "")}";
    public static string Call(long clientId) => $"{Prefix}:call:{clientId}";
    public static string Plan(long clientId, int? days = null) => $"{Prefix}:plan:{clientId}{(days is { } d ? $":{d}" : "")}";
    public static string Snooze(long clientId) => $"{Prefix}:snooze:{clientId}";
    public static string Snooze(long clientId, int reason, int? days = null) => $"{Prefix}:snooze:{clientId}:{reason}{(days is { } d ? $":{d}" : "")}";
    public static string Lost(long clientId, long? reasonId = null) => $"{Prefix}:lost:{clientId}{(reasonId is { } r ? $":{r}" : "")}";
    public static string Hand(long clientId, long? toUserId = null) => $"{Prefix}:hand:{clientId}{(toUserId is { } u ? $":{u}" : "")}";

    /// <summary>The buttons under a forgotten-client nudge.</summary>
    public static IReadOnlyList<IReadOnlyList<Button>> NudgeButtons(Texts t, long clientId) =>
    [
        [Button.Callback(t.LogCallButton, Call(clientId)), Button.Callback(t.PlanButton, Plan(clientId))],
        [Button.Callback(t.SnoozeButton, Snooze(clientId)), Button.Callback(t.LostButton, Lost(clientId))],
        [Button.Callback(t.HandOverButton, Hand(clientId))],
    ];

    /// <summary>Days offered when a contact is planned or moved: tomorrow, in 3 days, in a week.</summary>
    public static IReadOnlyList<Button> DayChoices(Texts t, Func<int, string> data) =>
        [Button.Callback(t.TomorrowButton, data(1)), Button.Callback(t.InDaysButton(3), data(3)), Button.Callback(t.InDaysButton(7), data(7))];
}
