using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Tests.Domain.Users;

public sealed class QuietHoursTests
{
    [Theory]
    [InlineData("22:00-08:00", "22:00–08:00")]
    [InlineData("21.30 – 7.15", "21:30–07:15")]
    [InlineData("13:00—14:00", "13:00–14:00")]
    public void Reads_a_window(string input, string expected) => QuietHours.TryParse(input)!.ToString().Should().Be(expected);

    [Theory]
    [InlineData("25:00-08:00")]
    [InlineData("22:00")]
    [InlineData("10:00-10:00")]
    [InlineData("вечером")]
    public void Refuses_what_is_not_a_window(string input) => QuietHours.TryParse(input).Should().BeNull();

    [Theory]
    [InlineData("23:30", true)]
    [InlineData("03:00", true)]
    [InlineData("08:00", false)]
    [InlineData("12:00", false)]
    [InlineData("22:00", true)]
    public void A_window_across_midnight_contains_the_night(string time, bool quiet) =>
        QuietHours.TryParse("22:00-08:00")!.Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(quiet);
}
