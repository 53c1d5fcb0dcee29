using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// The company-wide schedule times and forgotten threshold: what a head set with /settings (the Settings
/// table), otherwise the configuration default (DESIGN §4). Read them when you need them, so a change
/// applies at once without a restart. Stored values are always in the canonical form of the configuration
/// keys ("09:00", "Mon 09:30", "7"), so the same parsers read both.
/// </summary>
/// <example>
/// <code>
/// var settings = CompanySettings.From(services);            // or inject it where registered
/// TimeOnly morning = await settings.GetMorningPlanAtAsync(db, ct);
/// int days = await settings.GetForgottenAfterDaysAsync(db, ct);
/// </code>
/// </example>
public sealed partial class CompanySettings(IOptions<CrmOptions> crm, IOptions<ScheduleOptions> schedule)
{
    public const string MorningPlanAt = "Schedule:MorningPlanAt";
    public const string DailyDigestAt = "Schedule:DailyDigestAt";
    public const string WeeklyDigestAt = "Schedule:WeeklyDigestAt";
    public const string ForgottenAfterDays = "Crm:ForgottenAfterDays";

    /// <summary>"on" lets managers see the prospect pool (/pool) and take from it (/take, 🙋); "off", the default, keeps it the heads'.</summary>
    public const string PoolOpenToManagers = "Crm:PoolOpenToManagers";

    /// <summary>Every key /settings shows and changes, in display order.</summary>
    public static readonly IReadOnlyList<string> Keys = [MorningPlanAt, DailyDigestAt, WeeklyDigestAt, ForgottenAfterDays, PoolOpenToManagers];

    private static readonly string[] OnWords = ["on", "yes", "true", "1", "open", "вкл", "включить", "да", "открыть", "открыт"];
    private static readonly string[] OffWords = ["off", "no", "false", "0", "close", "выкл", "выключить", "нет", "закрыть", "закрыт"];

    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly Dictionary<string, DayOfWeek> DayWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mon"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday, ["пн"] = DayOfWeek.Monday, ["понедельник"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday, ["вт"] = DayOfWeek.Tuesday, ["вторник"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday, ["ср"] = DayOfWeek.Wednesday, ["среда"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday, ["чт"] = DayOfWeek.Thursday, ["четверг"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday, ["пт"] = DayOfWeek.Friday, ["пятница"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday, ["сб"] = DayOfWeek.Saturday, ["суббота"] = DayOfWeek.Saturday,
        ["sun"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday, ["вс"] = DayOfWeek.Sunday, ["воскресенье"] = DayOfWeek.Sunday,
    };

    /// <summary>For code that has a service provider but no registration of this class.</summary>
    public static CompanySettings From(IServiceProvider services) =>
        new(services.GetRequiredService<IOptions<CrmOptions>>(), services.GetRequiredService<IOptions<ScheduleOptions>>());

    /// <summary>The configuration value of <paramref name="key"/> (what applies when nobody changed it).</summary>
    public string Default(string key) => key switch
    {
        MorningPlanAt => schedule.Value.MorningPlanAt,
        DailyDigestAt => schedule.Value.DailyDigestAt,
        WeeklyDigestAt => schedule.Value.WeeklyDigestAt,
        ForgottenAfterDays => crm.Value.ForgottenAfterDays.ToString(CultureInfo.InvariantCulture),
        PoolOpenToManagers => "off",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a company setting."),
    };

    /// <summary>The value in force: the stored one, else the configuration default.</summary>
    public async Task<string> GetAsync(ChatCrmDbContext db, string key, CancellationToken ct)
    {
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return stored ?? Default(key);
    }

    /// <summary>Every setting in force, and whether it was changed from the default.</summary>
    public async Task<IReadOnlyList<(string Key, string Value, bool IsDefault)>> GetAllAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        var stored = await db.Settings.AsNoTracking().Where(s => Keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return Keys.Select(k => stored.TryGetValue(k, out var v) ? (k, v, false) : (k, Default(k), true)).ToList();
    }

    /// <summary>Local time of the managers' morning plan.</summary>
    public async Task<TimeOnly> GetMorningPlanAtAsync(ChatCrmDbContext db, CancellationToken ct) =>
        ReadTime(await GetAsync(db, MorningPlanAt, ct));

    /// <summary>Local time of the heads' daily digest.</summary>
    public async Task<TimeOnly> GetDailyDigestAtAsync(ChatCrmDbContext db, CancellationToken ct) =>
        ReadTime(await GetAsync(db, DailyDigestAt, ct));

    /// <summary>Day and local time of the weekly digest.</summary>
    public async Task<(DayOfWeek Day, TimeOnly Time)> GetWeeklyDigestAtAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        var value = await GetAsync(db, WeeklyDigestAt, ct);
        var parts = value.Split(' ', 2);
        return (DayWords[parts[0]], ReadTime(parts[1]));
    }

    /// <summary>Days without a touch before a client with an open deal counts as forgotten (a stage may set its own).</summary>
    public async Task<int> GetForgottenAfterDaysAsync(ChatCrmDbContext db, CancellationToken ct) =>
        int.Parse(await GetAsync(db, ForgottenAfterDays, ct), CultureInfo.InvariantCulture);

    /// <summary>Whether a head has opened the pool to managers (off unless set; no configuration key).</summary>
    public static async Task<bool> IsPoolOpenToManagersAsync(ChatCrmDbContext db, CancellationToken ct) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == PoolOpenToManagers).Select(s => s.Value).FirstOrDefaultAsync(ct) == "on";

    /// <summary>
    /// Reads what a user typed for <paramref name="key"/> («9», «9.30», «пн 9:30», «10») into the canonical
    /// stored form ("09:00", "09:30", "Mon 09:30", "10"); null when it is not a valid value.
    /// </summary>
    public static string? Normalise(string key, string input)
    {
        var text = input.Trim();
        switch (key)
        {
            case MorningPlanAt or DailyDigestAt:
                return TryTime(text);
            case WeeklyDigestAt:
                var parts = text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return parts.Length == 2 && DayWords.TryGetValue(parts[0].TrimEnd('.', ','), out var day) && TryTime(parts[1]) is { } time
                    ? $"{Days[(int)day]} {time}"
                    : null;
            case ForgottenAfterDays:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365
                    ? days.ToString(CultureInfo.InvariantCulture)
                    : null;
            case PoolOpenToManagers:
                return OnWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? "on"
                    : OffWords.Contains(text, StringComparer.OrdinalIgnoreCase) ? "off"
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The day of a stored weekly value ("Mon 09:30"), for showing it in the user's language.</summary>
    public static (DayOfWeek Day, string Time)? SplitWeekly(string value)
    {
        var parts = value.Split(' ', 2);
        return parts.Length == 2 && DayWords.TryGetValue(parts[0], out var day) ? (day, parts[1]) : null;
    }

    [GeneratedRegex(@"^([01]?\d|2[0-3])(?:[:.]([0-5]\d))?$")]
    private static partial Regex TimeShape();

    private static string? TryTime(string text) =>
        TimeShape().Match(text) is { Success: true } m
            ? $"{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture):00}:{(m.Groups[2].Success ? m.Groups[2].Value : "00")}"
            : null;

    private static TimeOnly ReadTime(string value) => TimeOnly.ParseExact(TryTime(value) ?? value, "HH:mm", CultureInfo.InvariantCulture);
}
