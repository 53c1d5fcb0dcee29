using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.SalesProcess;

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

/// <summary>Where the scheduler and the digests read their settings.</summary>
public interface IScheduleSettings
{
    Task<ScheduleSettings> GetAsync(CancellationToken ct);
}

/// <summary>
/// The values an admin set with /settings (the Settings table), each falling back to its configuration
/// default (DESIGN §4 keys), read in the caller's scope so a change applies from the next beat.
/// </summary>
internal sealed class CompanyScheduleSettings(ChatCrmDbContext db, CompanySettings company, IOptions<CrmOptions> crm) : IScheduleSettings
{
    public async Task<ScheduleSettings> GetAsync(CancellationToken ct)
    {
        var all = (await company.GetAllAsync(db, ct)).ToDictionary(s => s.Key, s => s.Value);
        return ScheduleSettings.From(
            all[CompanySettings.MorningPlanAt],
            all[CompanySettings.DailyDigestAt],
            all[CompanySettings.WeeklyDigestAt],
            int.Parse(all[CompanySettings.ForgottenAfterDays], CultureInfo.InvariantCulture),
            crm.Value.Language);
    }
}
