using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public sealed class WorkTypeWordsTests
{
    private static readonly WorkType[] Live =
    [
        WorkType.Create("Call", "call"),
        WorkType.Create("Meeting", "meeting"),
        WorkType.Create("Демо", "demo"),
        WorkType.Create("Выставка", "expo"),
    ];

    [Theory]
    [InlineData("call", "call")]
    [InlineData("CALL", "call")]
    [InlineData("meeting", "meeting")]
    [InlineData("демо", "demo")]
    [InlineData("Выставка", "expo")]
    [InlineData(" expo ", "expo")]
    [InlineData("звонок", "call")] // the default types are found in either language
    [InlineData("Созвон", "call")]
    [InlineData("встреча", "meeting")]
    [InlineData("презентация", "demo")]
    [InlineData("письмо", null)] // an alias of a type the company does not have
    [InlineData("обед", null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    public void A_work_type_is_named_by_code_name_or_alias(string word, string? code) =>
        (WorkTypeWords.Match(Live, word)?.Code).Should().Be(code);
}
