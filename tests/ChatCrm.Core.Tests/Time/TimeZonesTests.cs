using ChatCrm.Core.Time;

namespace ChatCrm.Core.Tests.Time;

public sealed class TimeZonesTests
{
    [Theory]
    [InlineData("Москва", "Europe/Moscow")]
    [InlineData("москва", "Europe/Moscow")]
    [InlineData("Санкт-Петербург", "Europe/Moscow")]
    [InlineData("Новосибирск", "Asia/Novosibirsk")]
    [InlineData("Владивосток", "Asia/Vladivostok")]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("+3", "UTC+03:00")]
    [InlineData("UTC+5:30", "UTC+05:30")]
    [InlineData("GMT-4", "UTC-04:00")]
    [InlineData("utc", "UTC")]
    public void A_city_a_zone_or_an_offset_becomes_a_stored_zone(string input, string expected)
    {
        TimeZones.Resolve(input).Should().Be(expected);
        TimeZones.Find(expected).Should().NotBeNull();
    }

    [Theory]
    [InlineData("Атлантида")]
    [InlineData("+15")]
    [InlineData("+3:20")]
    [InlineData("")]
    [InlineData("Europe/Atlantis")]
    public void Anything_else_is_not_a_zone(string input) => TimeZones.Resolve(input).Should().BeNull();

    [Fact]
    public void An_offset_zone_keeps_its_offset_all_year()
    {
        var zone = TimeZones.Find("UTC+05:30")!;

        zone.GetUtcOffset(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Should().Be(TimeSpan.FromHours(5.5));
        zone.GetUtcOffset(new DateTime(2026, 7, 1, 0, 0, 0, DateTimeKind.Utc)).Should().Be(TimeSpan.FromHours(5.5));
    }

    [Theory]
    [InlineData("Europe/Berlin", 1, "UTC+1")]
    [InlineData("Europe/Berlin", 7, "UTC+2")]
    [InlineData("America/New_York", 1, "UTC−5")]
    [InlineData("Asia/Kolkata", 1, "UTC+05:30")]
    public void The_offset_is_described_as_a_person_reads_it(string zone, int month, string expected) =>
        TimeZones.DescribeOffset(TimeZones.Find(zone)!, new DateTime(2026, month, 15, 12, 0, 0, DateTimeKind.Utc)).Should().Be(expected);

    // Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST (01:00 UTC); 25 October: 03:00 CEST falls back to 02:00 CET.
    // Lord Howe Island, 4 October 2026: 02:00 jumps to 02:30 (a half-hour change).
    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28 15:00", "2026-03-28 14:00")]
    [InlineData("Europe/Berlin", "2026-03-29 02:30", "2026-03-29 01:30")] // moves on by the gap: the clock shows 03:30
    [InlineData("Europe/Berlin", "2026-03-29 03:00", "2026-03-29 01:00")]
    [InlineData("Europe/Berlin", "2026-10-25 02:30", "2026-10-25 00:30")] // the first of the two 02:30s
    [InlineData("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03 15:45")] // the clock shows 02:45
    [InlineData("Europe/Moscow", "2026-12-31 23:59", "2026-12-31 20:59")]
    public void A_named_wall_clock_time_becomes_the_instant_the_clock_shows_it(string zone, string local, string utc) =>
        TimeZones.ToUtc(Local(local), TimeZoneInfo.FindSystemTimeZoneById(zone)).Should().Be(Utc(utc));

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-29 02:30", "2026-03-29 01:00")] // the gap ends at 03:00, the first moment past 02:30
    [InlineData("Europe/Berlin", "2026-03-29 02:15", "2026-03-29 01:00")]
    [InlineData("Europe/Berlin", "2026-03-29 01:59", "2026-03-29 00:59")]
    [InlineData("Europe/Berlin", "2026-10-25 02:30", "2026-10-25 00:30")]
    [InlineData("Australia/Lord_Howe", "2026-10-04 02:15", "2026-10-03 15:30")] // the clock jumps to 02:30
    [InlineData("America/Santiago", "2026-09-06 00:00", "2026-09-06 04:00")]    // midnight itself is skipped: the day starts at 01:00
    public void A_scheduled_time_inside_a_gap_is_due_when_the_gap_ends(string zone, string local, string utc) =>
        TimeZones.FirstInstantAtOrAfter(Local(local), TimeZoneInfo.FindSystemTimeZoneById(zone)).Should().Be(Utc(utc));

    private static DateTime Local(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime Utc(string text) => DateTime.SpecifyKind(Local(text), DateTimeKind.Utc);
}
