using ChatCrm.Core.Matching;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

/// <summary>It is Wednesday 2 December 2026, 12:00 in Moscow; the corpus (Corpus/freetext.tsv) covers the readings, these the commands.</summary>
public sealed class FreeTextReaderTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly ClientCandidate[] Known = [new(7, "Ромашка"), new(8, "Acme")];

    private static IReadOnlyList<string> Commands(string text, bool russian = true)
    {
        var reading = FreeTextReader.Read(text, Now, Moscow);
        var client = reading.PickClient(c => (ClientReference.Resolve(c.Text, Known), id => Known.Single(k => k.Id == id).Name))!;
        return [.. reading.Commands(client.Reference, client.Note, russian).Select(c => c.Text)];
    }

    [Fact]
    public void A_call_and_a_demo_are_two_commands_with_the_date_written_out()
    {
        Commands("Позвонил в Ромашку, обсудили цену, договорились о демо в пятницу в 11")
            .Should().Equal("/call #c7 обсудили цену", "/plan #c7 демо 04.12.2026 11:00");
    }

    [Fact]
    public void A_plan_of_the_same_work_type_rides_on_the_call_as_next()
    {
        Commands("Called Acme, sending the proposal, follow up next Tue", russian: false)
            .Should().Equal("/call #c8 sending the proposal next 08.12.2026");
    }

    [Fact]
    public void What_follows_the_client_in_a_reported_touch_is_its_note_and_keywords_in_it_stay_words()
    {
        Commands("Позвонил Ромашке по поводу даты поставки, дата не ясна")
            .Should().Equal("/call #c7 по поводу даты поставки, «дата» не ясна");
    }

    [Fact]
    public void A_clause_that_only_names_the_client_is_no_note()
    {
        Commands("Ромашка, позвонил, обсудили цену").Should().Equal("/call #c7 обсудили цену");
    }

    [Fact]
    public void The_written_out_date_reads_back_as_the_same_moment()
    {
        var reading = FreeTextReader.Read("демо Ромашка в пятницу в 11", Now, Moscow);
        var when = reading.Actions.Single().When!;

        WhenParser.TryParse(FreeTextReading.DateText(when), Now.AddDays(1), Moscow)!.Utc.Should().Be(when.Utc);
    }

    [Theory]
    [InlineData("/call Ромашка")]
    [InlineData("")]
    [InlineData("   ")]
    public void A_command_or_nothing_is_no_free_text(string text) =>
        FreeTextReader.Read(text, Now, Moscow).HasActions.Should().BeFalse();
}
