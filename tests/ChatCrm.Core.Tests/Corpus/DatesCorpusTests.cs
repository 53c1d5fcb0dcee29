using System.Globalization;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Corpus;

/// <summary>
/// Every row of <c>Corpus/dates.tsv</c> read by the real parsers, the way the bot reads the message after the command
/// and the client: a plan's date, a touch's note / next contact / back-date / day left in the note, a payment's date.
/// </summary>
public sealed class DatesCorpusTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly DateTime Now = new(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc);
    private static readonly string[] TouchCommands = ["/call", "/meet", "/demo", "/email"];
    private static readonly string[] ObligationCommands = ["/paid", "/shipped"];

    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var r in CorpusFile.Read("dates.tsv", "language", "message", "expected"))
        {
            data.Add(r[0], r[1], r[2]);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_130_rows_in_both_languages()
    {
        var rows = Rows().Select(r => (string)r[0]).ToList();
        rows.Should().HaveCountGreaterThanOrEqualTo(130);
        rows.Should().Contain("ru").And.Contain("en");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_message_is_read_as_expected(string language, string message, string expected)
    {
        var lang = language == "en" ? Language.En : Language.Ru;
        var parts = message.Split(' ', 3);
        var command = parts[0];
        var rest = parts.Length > 2 ? parts[2] : "";
        Read(command, rest, lang).Should().Be(expected, "«{0}» said on Wed 2 Dec 2026 10:00 in Moscow", message);
    }

    private static string Read(string command, string rest, Language language)
    {
        if (command == "/plan")
        {
            var when = WhenParser.TryParsePrefix(rest, Now, Moscow, WhenDirection.Forward, language);
            return when is null ? "none"
                : when.Ambiguity is not null ? "asks"
                : Join(("when", Show(when)), ("note", rest[when.Length..].Trim()));
        }

        if (ObligationCommands.Contains(command))
        {
            var read = DealArgs.ReadDate(rest, DealArgs.AtWords, Now, Moscow, WhenDirection.Past);
            return "at=" + (read.When is null ? "none" : Show(read.When));
        }

        TouchCommands.Should().Contain(command);
        var args = TouchArgumentsParser.Parse(rest, Now, Moscow, language);
        if (args.Next?.Ambiguity is not null || args.At?.Ambiguity is not null)
        {
            return "asks";
        }

        var mention = args.Next is null ? WhenParser.FindDayMention(args.Note, Now, Moscow, language) : null;
        return Join(("note", args.Note), ("at", Show(args.At)), ("next", Show(args.Next)), ("nextnote", args.NextNote),
            ("mention", Show(mention?.When)));
    }

    /// <summary>The keys in the file's order: note, at, next, nextnote, mention (when first for plans).</summary>
    private static string Join(params (string Key, string Value)[] pairs)
    {
        string[] order = ["when", "note", "at", "next", "nextnote", "mention"];
        return string.Join("; ", pairs.Where(p => p.Value.Length > 0).OrderBy(p => Array.IndexOf(order, p.Key)).Select(p => $"{p.Key}={p.Value}"));
    }

    private static string Show(WhenPhrase? phrase) => phrase is null ? ""
        : phrase.LocalDateTime.ToString(phrase.HasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
