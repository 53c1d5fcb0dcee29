using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class ClientNamesTests
{
    [Theory]
    [InlineData("Ромашка", "ромашка")]
    [InlineData("РОМАШКА", "ромашка")]
    [InlineData("  Ромашка   Плюс ", "ромашка плюс")]
    [InlineData("Василёк", "василек")]
    [InlineData("ЁЖИК", "ежик")]
    [InlineData("ООО «Ромашка»", "ромашка")]
    [InlineData("ООО \"Ромашка\"", "ромашка")]
    [InlineData("Ромашка, ООО", "ромашка")]
    [InlineData("ЗАО Ромашка", "ромашка")]
    [InlineData("ОАО „Ромашка“", "ромашка")]
    [InlineData("ИП Иванов", "иванов")]
    [InlineData("Acme LLC", "acme")]
    [InlineData("Acme Ltd.", "acme")]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("ООО Ромашка LLC", "ромашка")]
    [InlineData("O'Reilly", "oreilly")]
    public void Case_quotes_yo_spaces_and_legal_forms_do_not_matter(string name, string key)
    {
        ClientNames.Normalise(name).Should().Be(key);
    }

    [Theory]
    [InlineData("Ипподром", "ипподром")]
    [InlineData("Ромашка ООО Плюс", "ромашка ооо плюс")]
    [InlineData("ИП", "ип")]
    public void Legal_forms_are_only_dropped_as_whole_words_at_the_ends(string name, string key)
    {
        ClientNames.Normalise(name).Should().Be(key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("«»")]
    public void Nothing_normalises_to_empty(string? name)
    {
        ClientNames.Normalise(name).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Ромашкa", "Ромашка")] // Latin «a»
    [InlineData("POMAШKA", "Ромашка")] // Latin P, O, M, A, K
    [InlineData("Веста", "Bectа")]
    [InlineData("Техно", "Texнo")]
    [InlineData("Сокол", "Cokoл")]
    [InlineData("ООО Ромашка", "OOO Ромашка")] // «OOO» in Latin letters is a legal form too
    [InlineData("Ромашка", "Ромашка GmbH")]
    [InlineData("Ромашка", "«Ромашка», ООО")]
    [InlineData("Ёлка", "елка")]
    [InlineData("Альфа-Банк", "Альфа Банк")]
    [InlineData("Альфа—Банк!", "альфа банк")]
    [InlineData("Acme", "АСМЕ")] // Cyrillic А, С, М, Е
    public void Look_alike_letters_punctuation_and_legal_forms_fold_to_one_match_key(string one, string other)
    {
        ClientNames.MatchKey(one).Should().Be(ClientNames.MatchKey(other));
    }

    [Theory]
    [InlineData("Ромашка", "Лютик")]
    [InlineData("Альфа", "Альта")]
    [InlineData("Ромашка", "Ромашка Плюс")]
    public void Different_names_keep_different_match_keys(string one, string other)
    {
        ClientNames.MatchKey(one).Should().NotBe(ClientNames.MatchKey(other));
    }

    [Fact]
    public void The_sort_key_keeps_latin_letters_latin()
    {
        ClientNames.Normalise("Acme GmbH").Should().Be("acme");
        ClientNames.MatchKey("Acme GmbH").Should().Be("асме");
    }

    [Fact]
    public void The_compact_key_ignores_spaces()
    {
        ClientNames.Compact("Рома шка").Should().Be(ClientNames.Compact("Ромашкa"));
    }
}
