using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public sealed class ProcessArgsTests
{
    [Theory]
    [InlineData("", "", "")]
    [InlineData("add", "add", "")]
    [InlineData("  ADD  Демо после Квалификация ", "add", "Демо после Квалификация")]
    public void The_first_word_is_the_verb(string args, string verb, string remainder) =>
        ProcessArgs.Verb(args).Should().Be((verb, remainder));

    [Theory]
    [InlineData("Демо после Квалификация дней 5", "Демо", "Квалификация", "5", null)]
    [InlineData("Демо дней 5 после Квалификация", "Демо", "Квалификация", "5", null)]
    [InlineData("Первая встреча after Qualified days 5 prob 40%", "Первая встреча", "Qualified", "5", "40%")]
    [InlineData("Демо ПОСЛЕ Первая встреча", "Демо", "Первая встреча", null, null)]
    [InlineData("Демо", "Демо", null, null, null)]
    [InlineData("Демо после Квалификация после Демо", "Демо", "Квалификация после Демо", null, null)] // a keyword counts once
    [InlineData("Послезавтра", "Послезавтра", null, null, null)] // whole words only
    public void A_keyword_takes_the_words_up_to_the_next_keyword(string text, string head, string? after, string? days, string? prob)
    {
        var (actualHead, values) = ProcessArgs.Split(text, ProcessArgs.After, ProcessArgs.Days, ProcessArgs.Prob);

        actualHead.Should().Be(head);
        values.GetValueOrDefault(ProcessArgs.After).Should().Be(after);
        values.GetValueOrDefault(ProcessArgs.Days).Should().Be(days);
        values.GetValueOrDefault(ProcessArgs.Prob).Should().Be(prob);
    }

    [Theory]
    [InlineData("50", 50)]
    [InlineData(" 50% ", 50)]
    [InlineData("-3", -3)]
    [InlineData("пять", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_number_may_end_in_a_percent_sign(string? text, int? number) => ProcessArgs.Number(text).Should().Be(number);

    [Theory]
    [InlineData("5", true, 5)]
    [InlineData("0", true, null)]
    [InlineData("нет", true, null)]
    [InlineData("Off", true, null)]
    [InlineData("-", true, null)]
    [InlineData("долго", false, null)]
    [InlineData(null, false, null)]
    public void Days_are_a_number_or_no_limit(string? text, bool readable, int? days)
    {
        ProcessArgs.TryDays(text, out var actual).Should().Be(readable);
        actual.Should().Be(days);
    }

    [Theory]
    [InlineData("#s12", 's', 12L)]
    [InlineData(" #s12 ", 's', 12L)]
    [InlineData("#s12", 'y', null)]
    [InlineData("s12", 's', null)]
    [InlineData("#s", 's', null)]
    [InlineData("Демо", 's', null)]
    public void A_button_reference_is_a_kind_letter_and_an_id(string text, char kind, long? id) => ProcessArgs.Id(text, kind).Should().Be(id);

    [Fact]
    public void A_reference_reads_back() => ProcessArgs.Id(ProcessArgs.Ref('y', 42), 'y').Should().Be(42);

    [Theory]
    [InlineData("Демо", " демо ", true)]
    [InlineData("Квалификация", "КВАЛИФИКАЦИЯ", true)]
    [InlineData("Демо", "Демо-день", false)]
    public void Names_are_the_same_whatever_the_case(string a, string b, bool same) => ProcessArgs.Same(a, b).Should().Be(same);

    [Fact]
    public void Suggestions_put_names_sharing_a_typed_word_first()
    {
        string[] stages = ["Квалификация", "Демо", "Первая встреча", "Договор"];

        ProcessArgs.Suggest(stages, s => s, "первая встрча").First().Should().Be("Первая встреча");
        ProcessArgs.Suggest(stages, s => s, "дмо").Should().HaveCount(4);
    }
}
