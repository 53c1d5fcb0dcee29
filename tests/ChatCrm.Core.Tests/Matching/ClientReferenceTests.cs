using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class ClientReferenceTests
{
    private static readonly ClientCandidate[] Clients =
    [
        new(1, "Ромашка"),
        new(2, "Ромашка Плюс"),
        new(3, "ООО «Василёк»"),
        new(4, "Acme LLC"),
        new(5, "Звезда"),
        new(6, "Звезда"),
        new(7, "Северный ветер"),
    ];

    [Theory]
    [InlineData("Ромашка", 1)]
    [InlineData("ромашка", 1)]
    [InlineData("РОМАШКА ПЛЮС", 2)]
    [InlineData("  Ромашка   плюс ", 2)]
    [InlineData("василек", 3)]
    [InlineData("ООО Василёк", 3)]
    [InlineData("acme", 4)]
    public void The_whole_text_names_a_client_whatever_the_case_quotes_or_legal_form(string text, long id)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(id);
        match.Rest.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Ромашка обсудили цену далее завтра", 1, "обсудили цену далее завтра")]
    [InlineData("Ромашка Плюс звонок", 2, "звонок")]
    [InlineData("ромашка договорились о плюсах", 1, "договорились о плюсах")]
    [InlineData("Северный ветер далее пт", 7, "далее пт")]
    [InlineData("Ромашка, Обсудили ЦЕНУ", 1, "Обсудили ЦЕНУ")]
    [InlineData("Ромашка — перезвонить", 1, "перезвонить")]
    [InlineData("«Василёк» next tomorrow", 3, "next tomorrow")]
    public void The_longest_name_at_the_start_wins_and_the_rest_stays_as_typed(string text, long id, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(id);
        match.Rest.Should().Be(rest);
    }

    [Fact]
    public void A_name_must_end_on_a_word_boundary()
    {
        var match = ClientReference.Resolve("Ромашкапро обсудили", Clients);

        match.Kind.Should().NotBe(ClientMatchKind.Exact);
    }

    [Fact]
    public void Two_clients_with_the_same_name_are_ambiguous()
    {
        var match = ClientReference.Resolve("звезда счёт выставлен", Clients);

        match.Kind.Should().Be(ClientMatchKind.Ambiguous);
        match.Ids.Should().Equal(5, 6);
        match.Id.Should().BeNull();
        match.Rest.Should().Be("счёт выставлен");
    }

    [Theory]
    [InlineData("Ромашко обсудили цену", 1, "обсудили цену")]
    [InlineData("Рамашка", 1, "")]
    [InlineData("ромашко", 1, "")]
    [InlineData("Васелек далее завтра", 3, "далее завтра")]
    [InlineData("Северный ветр договорились", 7, "договорились")]
    public void A_typo_gives_suggestions_rather_than_a_silent_pick(string text, long best, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Suggestions);
        match.Ids[0].Should().Be(best);
        match.Id.Should().BeNull();
        match.Rest.Should().Be(rest);
    }

    [Fact]
    public void A_near_miss_of_a_longer_name_is_offered_next_to_the_exact_shorter_one()
    {
        var match = ClientReference.Resolve("Ромашка Плюз звонок", Clients);

        match.Kind.Should().Be(ClientMatchKind.Suggestions);
        match.Ids.Should().Equal(2, 1);
        match.RestFor(2).Should().Be("звонок");
        match.RestFor(1).Should().Be("Плюз звонок");
    }

    [Fact]
    public void Suggestions_are_ranked_best_first()
    {
        var match = ClientReference.Resolve("Ромашкп Плюс", Clients);

        match.Kind.Should().Be(ClientMatchKind.Suggestions);
        match.Ids.Should().Equal(2, 1);
    }

    [Fact]
    public void At_most_six_suggestions_are_offered()
    {
        var many = Enumerable.Range(1, 10).Select(i => new ClientCandidate(i, "Ромашка")).ToList();

        var match = ClientReference.Resolve("Ромашко", many);

        match.Kind.Should().Be(ClientMatchKind.Suggestions);
        match.Ids.Should().HaveCount(ClientReference.MaxSuggestions);
        match.Ids[0].Should().Be(1);
    }

    [Theory]
    [InlineData("Одуванчик звонок")]
    [InlineData("обсудили цену")]
    [InlineData("Ро звонок")]
    public void Nothing_close_is_not_found(string text)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.NotFound);
        match.Ids.Should().BeEmpty();
        match.Rest.Should().Be(text);
    }

    [Fact]
    public void Empty_arguments_or_no_clients_are_not_found()
    {
        ClientReference.Resolve("  ", Clients).Kind.Should().Be(ClientMatchKind.NotFound);
        ClientReference.Resolve("Ромашка", []).Kind.Should().Be(ClientMatchKind.NotFound);
    }
}
