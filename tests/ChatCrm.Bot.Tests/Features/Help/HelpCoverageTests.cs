using ChatCrm.Bot.Features;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Tests.Features.Help;

/// <summary>/help is built from the command table: a command without its help would fail only when someone asked.</summary>
public class HelpCoverageTests
{
    public static TheoryData<string> Commands() => [.. CommandTable.Commands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_a_summary_a_usage_and_an_example_in_both_languages(string command)
    {
        foreach (var texts in new[] { Texts.Russian, Texts.English })
        {
            texts.Docs.Should().ContainKey(command, $"/{command} needs its /help in {texts.Language}");
            var doc = texts.Docs[command];
            doc.Summary.Should().NotBeNullOrWhiteSpace();
            doc.Usage.Should().MatchRegex($"^/{command}\\b", "the usage shows the command itself");
            doc.Example.Should().MatchRegex($"^/{command}\\b", "the example can be typed as it stands");
        }

        var (russian, english) = (Texts.Russian.Docs[command], Texts.English.Docs[command]);
        russian.Summary.Should().NotBe(english.Summary, "a summary is words, and words have a language");
        if (russian.Usage.Contains("&lt;", StringComparison.Ordinal))
        {
            russian.Usage.Should().NotBe(english.Usage, "the placeholders of a usage are words too");
        }
    }

    [Fact]
    public void Every_help_entry_belongs_to_a_command()
    {
        var commands = CommandTable.Commands.Select(c => c.Name);

        Texts.Russian.Docs.Keys.Should().BeEquivalentTo(commands, "help for a command that does not exist misleads");
        Texts.English.Docs.Keys.Should().BeEquivalentTo(commands);
    }
}
