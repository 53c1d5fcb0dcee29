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
    // issue 9: after «дата»/"at" a date without a year or week is the most recent past one
    [InlineData("обсудили цену дата 25.11", "обсудили цену", null, "", "2026-11-25 00:00")]
    [InlineData("дата 30 ноября", "", null, "", "2026-11-30 00:00")]
    [InlineData("дата в понедельник показали демо", "показали демо", null, "", "2026-11-30 00:00")]
    [InlineData("at 28.11 10:00", "", null, "", "2026-11-28 10:00")]
    [InlineData("дата чт", "", null, "", "2026-12-03 00:00")]
    // issue 9: verbs meaning "next" plan the next contact and stay as its note
    [InlineData("перезвонить в пт", "", "2026-12-04 00:00", "перезвонить", null)]
    [InlineData("обсудили цену, перезвонить завтра", "обсудили цену", "2026-12-04 00:00", "перезвонить", null)]
    [InlineData("Перезвонить завтра в 11 уточнить объём", "", "2026-12-04 11:00", "Перезвонить уточнить объём", null)]
    [InlineData("созвониться в среду", "", "2026-12-09 00:00", "созвониться", null)]
    [InlineData("написать в понедельник", "", "2026-12-07 00:00", "написать", null)]
    [InlineData("напомнить через 3 дня про оплату", "", "2026-12-06 00:00", "напомнить про оплату", null)]
    [InlineData("sent the proposal, follow up Monday", "sent the proposal", "2026-12-07 00:00", "follow up", null)]
    [InlineData("call back tomorrow 3pm", "", "2026-12-04 15:00", "call back", null)]
    [InlineData("follow-up next Tue", "", "2026-12-08 00:00", "follow-up", null)]
    [InlineData("перезвонил вчера", "перезвонил вчера", null, "", null)]
    [InlineData("перезвонить клиенту", "перезвонить клиенту", null, "", null)]
    [InlineData("перезвонить далее пт 15:00", "перезвонить", "2026-12-04 15:00", "", null)]
    [InlineData("перезвонить в пт далее пн", "", "2026-12-04 00:00", "перезвонить далее пн", null)]
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
