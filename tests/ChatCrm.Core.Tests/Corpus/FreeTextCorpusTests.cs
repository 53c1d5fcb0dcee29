using System.Globalization;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Corpus;

/// <summary>
/// Every row of Corpus/freetext.tsv against the free-text reader: it is Wednesday 2 December 2026, 12:00 in
/// Europe/Moscow (09:00 UTC), and the manager's clients are <see cref="Known"/>, found by the same
/// <see cref="ClientReference.Resolve"/> the bot's client finder uses. The file's header says how to read a row.
/// </summary>
public sealed class FreeTextCorpusTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private static readonly ClientCandidate[] Known =
    [
        new(1, "Ромашка"), new(2, "Лютик"), new(3, "Вектор"), new(4, "Иванов Петр"), new(5, "Альфа-Строй"),
        new(6, "Acme"), new(7, "Globex"), new(8, "Initech"), new(9, "Umbrella"), new(10, "Техносила"),
    ];

    public static TheoryData<int, string, string, string> Rows()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var r in CorpusFile.Read("freetext.tsv", "language", "message", "expected"))
        {
            data.Add(r.Line, r[0], r[1], r[2]);
        }

        return data;
    }

    [Fact]
    public void The_corpus_is_large_and_in_both_languages()
    {
        var rows = Rows().Select(r => (string)r[1]).ToList();
        rows.Should().HaveCountGreaterThanOrEqualTo(150);
        rows.Should().Contain("ru").And.Contain("en");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Row_reads_as_expected(int line, string language, string message, string expected)
    {
        language.Should().BeOneOf("ru", "en");
        Render(message).Should().Be(expected, $"line {line}: {message}");
    }

    /// <summary>
    /// <c>none</c>; <c>asks</c> (actions, but no client); or the actions joined by «; »: <c>call Ромашка</c> for a
    /// logged touch (call, meeting, demo, email) and <c>plan demo 2026-12-04 11:00</c> (or a date without a time, or
    /// <c>?</c> for none) for a planned contact.
    /// </summary>
    public static string Render(string message)
    {
        var reading = FreeTextReader.Read(message, Now, Moscow);
        if (!reading.HasActions)
        {
            return "none";
        }

        var client = reading.PickClient(c => (ClientReference.Resolve(c.Text, Known), id => Known.Single(k => k.Id == id).Name));
        if (client is null)
        {
            return "asks";
        }

        return string.Join("; ", reading.Actions.Select(a => a.Kind == FreeTextActionKind.Log
            ? $"{a.WorkType} {client.Name}"
            : $"plan {a.WorkType} {(a.When is { } w ? w.LocalDateTime.ToString(w.HasTime ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture) : "?")}"));
    }
}
