using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Features.SalesProcess;

public sealed partial class ScheduleOptions : IValidatableObject
{
    public const string Section = "Schedule";

    public string MorningPlanAt { get; set; } = "09:00";
    public string DailyDigestAt { get; set; } = "18:00";
    public string WeeklyDigestAt { get; set; } = "Mon 09:30";

    [GeneratedRegex(@"^([01]?\d|2[0-3]):[0-5]\d$")]
    private static partial Regex TimeShape();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]?\d|2[0-3]):[0-5]\d$")]
    private static partial Regex DayTimeShape();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeShape().IsMatch(MorningPlanAt))
        {
            yield return new($"Schedule:MorningPlanAt must be HH:MM, not '{MorningPlanAt}'.");
        }

        if (!TimeShape().IsMatch(DailyDigestAt))
        {
            yield return new($"Schedule:DailyDigestAt must be HH:MM, not '{DailyDigestAt}'.");
        }

        if (!DayTimeShape().IsMatch(WeeklyDigestAt))
        {
            yield return new($"Schedule:WeeklyDigestAt must be a day and time like 'Mon 09:30', not '{WeeklyDigestAt}'.");
        }
    }
}
