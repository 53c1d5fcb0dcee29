using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Corpus;

/// <summary>Every row of Corpus/amounts.tsv against the real parsers; the file's header says how to read a row.</summary>
public class AmountsCorpusTests
{

    public static TheoryData<int, string, string, string, string, string> Rows()
    {
        var data = new TheoryData<int, string, string, string, string, string>();
        foreach (var r in CorpusFile.Read("amounts.tsv", "language", "kind", "message", "amount", "rest"))
        {
            data.Add(r.Line, r[0], r[1], r[2], r[3], r[4]);
        }

        return data;
    }

    [Fact]
    public void The_corpus_is_large_and_in_both_languages()
    {
        var rows = Rows().Select(r => (string)r[1]).ToList();
        rows.Should().HaveCountGreaterThanOrEqualTo(130);
        rows.Should().Contain("ru").And.Contain("en");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_reads_as_expected(int line, string language, string kind, string message, string amount, string rest)
    {
        language.Should().BeOneOf("ru", "en");
        var because = $"line {line}: {message}";
        switch (kind)
        {
            case "amount":
                AmountParser.TryParse(message).Should().Be(Expected(amount), because);
                break;
            case "prefix":
                var afterNumber = AfterWords(message, 2);
                var phrase = AmountParser.TryParsePrefix(afterNumber);
                phrase?.Value.Should().Be(Expected(amount), because);
                phrase.Should().NotBeNull(because);
                afterNumber[phrase!.Length..].Trim().Should().Be(rest, because);
                break;
            case "deal":
                var text = AfterWords(message, 2);
                if (DealArgs.SplitAt(text, DealArgs.CycleWords) is { After.Length: > 0 } split)
                {
                    text = split.Before;
                }

                var reading = DealText.Read(text);
                if (amount == "asks")
                {
                    reading.Doubt.Should().NotBeNull(because);
                }
                else
                {
                    reading.Doubt.Should().BeNull(because);
                    reading.Amount.Should().Be(Expected(amount), because);
                    reading.Title.Should().Be(rest, because);
                }

                break;
            default:
                throw new InvalidOperationException($"line {line}: unknown kind «{kind}»");
        }
    }

    private static decimal? Expected(string amount) =>
        amount == "none" ? null : decimal.Parse(amount.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    /// <summary>The message without its first <paramref name="count"/> words (the command and the client or deal number).</summary>
    private static string AfterWords(string message, int count)
    {
        var rest = message.Trim();
        for (var k = 0; k < count; k++)
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            rest = space < 0 ? "" : rest[(space + 1)..].TrimStart();
        }

        return rest;
    }
}
