namespace ChatCrm.Bot.Data;

/// <summary>
/// A company-wide setting changed by an admin in the bot (/settings); it overrides the configuration
/// default of the same key (e.g. "Schedule:MorningPlanAt"). A few keys no admin sets hold what the bot itself keeps
/// across starts, with no <see cref="UpdatedByUserId"/>: the board's address its menu buttons point at
/// (<c>WebApp:MenuButtonUrl</c>).
/// </summary>
public sealed class Setting
{
    private Setting()
    {
        Key = "";
        Value = "";
    }

    public string Key { get; private set; }
    public string Value { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long? UpdatedByUserId { get; private set; }

    public static Setting Create(string key, string value, long? byUserId, DateTime nowUtc) =>
        new() { Key = key, Value = value, UpdatedByUserId = byUserId, UpdatedAt = nowUtc };

    public void Change(string value, long? byUserId, DateTime nowUtc)
    {
        Value = value;
        UpdatedByUserId = byUserId;
        UpdatedAt = nowUtc;
    }
}
