using ChatCrm.Core.Time;

namespace ChatCrm.Core.Tests.Time;

/// <summary>Where a scheduled message's window ends: what was written inside it is delivered until then, not after.</summary>
public class DueWindowTests
{
    private static readonly TimeZoneInfo Moscow = TimeZones.Find("Europe/Moscow")!;
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin")!;

    [Theory]
    [InlineData("09:00", 12, 0)]
    [InlineData("10:30", 13, 30)]
    public void The_morning_window_ends_at_noon_or_three_hours_after_a_late_plan(string at, int hour, int minute)
    {
        var end = Due.WindowEndsUtc(new DateOnly(2026, 12, 1), TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), Due.MorningEnds, Moscow);

        end.Should().Be(new DateTime(2026, 12, 1, hour - 3, minute, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_window_that_would_run_past_midnight_ends_at_midnight()
    {
        var end = Due.WindowEndsUtc(new DateOnly(2026, 12, 1), new TimeOnly(22, 0), Due.DailyDigestWindow, Moscow);

        end.Should().Be(new DateTime(2026, 12, 1, 21, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void On_a_clock_change_day_the_window_ends_at_the_local_wall_time()
    {
        // 29 March 2026: Berlin moves from UTC+1 to UTC+2 at 02:00.
        var end = Due.WindowEndsUtc(new DateOnly(2026, 3, 29), new TimeOnly(9, 0), Due.MorningEnds, Berlin);

        end.Should().Be(new DateTime(2026, 3, 29, 10, 0, 0, DateTimeKind.Utc));
    }
}
