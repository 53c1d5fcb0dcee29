using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

/// <summary>Thursday 3 December 2026, 12:00 in Moscow.</summary>
public sealed class TouchArgumentsParserTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    [Theory]
    [InlineData("обсудили цену", "обсудили цену", null, "", null)]
    [InlineData("обсудили цену далее пт 15:00", "обсудили цену", "2026-12-04 15:00", "", null)]
    [InlineData("обсудили цену далее пт 15:00 прислать КП", "обсудили цену", "2026-12-04 15:00", "прислать КП", null)]
    [InlineData("Далее завтра", "", "2026-12-04 00:00", "", null)]
    [InlineData("discussed the price next tomorrow 3pm", "discussed the price", "2026-12-04 15:00", "", null)]
    [InlineData("обсудили дату поставки", "обсудили дату поставки", null, "", null)]
    [InlineData("далее решат сами", "далее решат сами", null, "", null)]
    [InlineData("meet at the office", "meet at the office", null, "", null)]
    [InlineData("дата вчера 16:00 показали демо", "показали демо", null, "", "2026-12-02 16:00")]
    [InlineData("показали демо дата вчера 16:00 далее через 3 дня", "показали демо", "2026-12-06 00:00", "", "2026-12-02 16:00")]
    [InlineData("at 10:00", "", null, "", "2026-12-03 10:00")]
    [InlineData("дата 11:59", "", null, "", "2026-12-03 11:59")]
    [InlineData("дата 13:00", "", null, "", "2026-12-03 13:00")]
    [InlineData("далее пт далее пн", "", "2026-12-04 00:00", "далее пн", null)]
    [InlineData("далееееее пт", "далееееее пт", null, "", null)]
    public void Keywords_split_the_note_the_next_contact_and_the_back_date(string text, string note, string? next, string nextNote, string? at)
    {
        var parsed = TouchArgumentsParser.Parse(text, Now, Moscow);

        parsed.Note.Should().Be(note);
        parsed.Next?.LocalDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture).Should().Be(next);
        if (next is null)
        {
            parsed.Next.Should().BeNull();
        }

        parsed.NextNote.Should().Be(nextNote);
        if (at is null)
        {
            parsed.At.Should().BeNull();
        }
        else
        {
            parsed.At!.LocalDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture).Should().Be(at);
        }
    }
}
