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
}
