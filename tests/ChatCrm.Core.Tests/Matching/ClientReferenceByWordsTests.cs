using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

/// <summary>Clients named the way people refer to them: a word, the start of one, a case form, a phone's last digits, an e-mail.</summary>
public class ClientReferenceByWordsTests
{
    private static readonly ClientCandidate[] Clients =
    [
        new(1, "Иванов Петр", ["+79001234567"]),
        new(2, "Ромашка", ["+74951112233"], ["info@romashka.ru"]),
        new(3, "Acme Group", ["+14155550123"], ["sales@acme.com"]),
        new(4, "Иванова Анна", ["+79160004567"]),
        new(5, "Северный ветер"),
        new(6, "Иван Сидоров"),
        new(7, "Технопарк"),
    ];

    [Theory]
    [InlineData("Иванов послезавтра в 10", 1, "послезавтра в 10")]
    [InlineData("Петр завтра", 1, "завтра")]
    [InlineData("Петр Иванов обсудили", 1, "обсудили")]
    [InlineData("Acme sent the proposal", 3, "sent the proposal")]
    [InlineData("acme", 3, "")]
    [InlineData("Анна пт 11:00", 4, "пт 11:00")]
    [InlineData("Сидоров", 6, "")]
    [InlineData("Иван звонок", 6, "звонок")]
    [InlineData("ветер далее пт", 5, "далее пт")]
    public void Any_word_of_the_name_names_the_client_and_the_rest_stays(string text, long id, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(id);
        match.Rest.Should().Be(rest);
    }

    [Theory]
    [InlineData("Ромашке выставили счёт", 2, "выставили счёт")]
    [InlineData("Ромашку", 2, "")]
    [InlineData("Ромашкой далее завтра", 2, "далее завтра")]
    [InlineData("Ивановым встреча", 1, "встреча")]
    [InlineData("Петру завтра", 1, "завтра")]
    [InlineData("Ивановой Анне", 4, "")]
    [InlineData("Северному звонок", 5, "звонок")]
    public void A_case_form_names_the_client(string text, long id, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(id);
        match.Rest.Should().Be(rest);
    }

    [Theory]
    [InlineData("Техно обсудили", 7, "обсудили")]
    [InlineData("Сидор", 6, "")]
    [InlineData("Ромаш завтра", 2, "завтра")]
    public void A_unique_start_of_a_word_names_the_client(string text, long id, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(id);
        match.Rest.Should().Be(rest);
    }

    [Fact]
    public void A_start_several_names_share_asks()
    {
        var match = ClientReference.Resolve("Ива завтра", Clients);

        match.Kind.Should().Be(ClientMatchKind.Ambiguous);
        match.Ids.Should().Equal(1, 4, 6);
        match.Rest.Should().Be("завтра");
    }

    [Fact]
    public void A_whole_word_beats_the_start_of_a_longer_one()
    {
        // «Иван» is all of Сидоров's first name but only the start of «Иванов» and «Иванова».
        var match = ClientReference.Resolve("Иван", Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(6);
    }

    [Fact]
    public void A_form_two_names_share_asks()
    {
        // «Иванову» is the dative of both «Иванов» and «Иванова».
        var match = ClientReference.Resolve("Иванову звонок", Clients);

        match.Kind.Should().Be(ClientMatchKind.Ambiguous);
        match.Ids.Should().Equal(1, 4);
        match.Rest.Should().Be("звонок");
    }

    [Theory]
    [InlineData("Ивановский звонок")]
    [InlineData("Ромашкин")]
    [InlineData("Ив звонок")]
    [InlineData("послезавтра в 10")]
    public void Other_words_and_short_starts_name_nobody(string text) =>
        ClientReference.Resolve(text, Clients).Kind.Should().Be(ClientMatchKind.NotFound);

    [Theory]
    [InlineData("4567 обсудили", new long[] { 1, 4 }, "обсудили")]
    [InlineData("123-45-67 обсудили", new long[] { 1 }, "обсудили")]
    [InlineData("+7 900 123-45-67", new long[] { 1 }, "")]
    [InlineData("8 (900) 123 45 67 далее пт", new long[] { 1 }, "далее пт")]
    [InlineData("112233", new long[] { 2 }, "")]
    public void The_last_digits_of_a_phone_name_the_client(string text, long[] ids, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ids.Length == 1 ? ClientMatchKind.Exact : ClientMatchKind.Ambiguous);
        match.Ids.Should().Equal(ids);
        match.Rest.Should().Be(rest);
    }

    [Theory]
    [InlineData("567 обсудили")]
    [InlineData("9999 обсудили")]
    public void Fewer_than_four_digits_or_no_such_phone_name_nobody(string text) =>
        ClientReference.Resolve(text, Clients).Kind.Should().Be(ClientMatchKind.NotFound);

    [Theory]
    [InlineData("info@romashka.ru", 2, "")]
    [InlineData("INFO@Romashka.ru, выставили счёт", 2, "выставили счёт")]
    [InlineData("sales@acme.com follow up", 3, "follow up")]
    public void An_email_names_the_client(string text, long id, string rest)
    {
        var match = ClientReference.Resolve(text, Clients);

        match.Kind.Should().Be(ClientMatchKind.Exact);
        match.Id.Should().Be(id);
        match.Rest.Should().Be(rest);
    }

    [Fact]
    public void An_unknown_email_names_nobody() =>
        ClientReference.Resolve("boss@romashka.ru", Clients).Kind.Should().Be(ClientMatchKind.NotFound);

    [Theory]
    [InlineData("Ромашкой далее завтра", "ромашк", "ром", null)]
    [InlineData("ООО Ромашка", "ромашк", "ром", null)]
    [InlineData("info@romashka.ru", null, null, "info@romashka.ru")]
    public void The_search_names_the_index_ranges_to_fetch(string text, string? word, string? typo, string? email)
    {
        var search = ClientReference.SearchFor(text);

        search.WordStart.Should().Be(word);
        search.TypoStart.Should().Be(typo);
        search.Email.Should().Be(email);
    }

    [Fact]
    public void The_search_reads_each_run_of_phone_words_as_a_tail()
    {
        ClientReference.SearchFor("8 900 123 45 67 обсудили").PhoneTails.Should().Contain(["79001234567", "8900123", "89001234"[..7]]);
        ClientReference.SearchFor("4567 обсудили").PhoneTails.Should().Equal("4567");
        ClientReference.SearchFor("45 обсудили").PhoneTails.Should().BeEmpty();
    }
}
