using System.Globalization;
using ChatCrm.Bot.Hosting;
using ChatCrm.Core.Domain.Users;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Jobs;

/// <summary>The company-wide times and thresholds the scheduler works by, read once per run.</summary>
public sealed record ScheduleSettings(
    TimeOnly MorningPlanAt,
    TimeOnly DailyDigestAt,
    DayOfWeek WeeklyDigestDay,
    TimeOnly WeeklyDigestAt,
    int ForgottenAfterDays,
    Language DefaultLanguage)
{
    /// <summary>Parses `Schedule:*` values in the shapes <see cref="ScheduleOptions"/> validates ("09:00", "Mon 09:30").</summary>
    public static ScheduleSettings From(string morningPlanAt, string dailyDigestAt, string weeklyDigestAt, int forgottenAfterDays, Language language)
    {
        var weekly = weeklyDigestAt.Split(' ', 2, StringSplitOptions.TrimEntries);
        var day = Enum.GetValues<DayOfWeek>().Single(d => d.ToString()[..3].Equals(weekly[0], StringComparison.OrdinalIgnoreCase));
        return new(Time(morningPlanAt), Time(dailyDigestAt), day, Time(weekly[1]), forgottenAfterDays, language);
    }

    private static TimeOnly Time(string hhmm) => TimeOnly.ParseExact(hhmm.PadLeft(5, '0'), "HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// Where the scheduler reads its settings. Today: the bound configuration; once /settings stores company
/// overrides, point this at that service (it reads the Settings table with these keys as defaults).
/// </summary>
public interface IScheduleSettings
{
    Task<ScheduleSettings> GetAsync(CancellationToken ct);
}

internal sealed class ConfiguredScheduleSettings(IOptionsMonitor<ScheduleOptions> schedule, IOptionsMonitor<CrmOptions> crm) : IScheduleSettings
{
    public Task<ScheduleSettings> GetAsync(CancellationToken ct)
    {
        var s = schedule.CurrentValue;
        var c = crm.CurrentValue;
        return Task.FromResult(ScheduleSettings.From(s.MorningPlanAt, s.DailyDigestAt, s.WeeklyDigestAt, c.ForgottenAfterDays, c.Language));
    }
}
