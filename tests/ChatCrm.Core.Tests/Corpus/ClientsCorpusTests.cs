using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Corpus;

/// <summary>
/// Every row of <c>Corpus/clients.tsv</c>: a manager's message resolved against the candidate clients listed in the
/// file's header, with the client it names (or that the bot asks, or finds nobody) and what the command gets after it.
/// </summary>
public class ClientsCorpusTests
{
    private static readonly string FilePath = CorpusFile.PathOf("clients.tsv");

    private static readonly Lazy<IReadOnlyList<ClientCandidate>> Candidates = new(ReadCandidates);

    public static TheoryData<int, string, string, string, string> Rows()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var r in CorpusFile.Read("clients.tsv", "language", "message", "expected", "rest"))
        {
            data.Add(r.Line, r[0], r[1], r[2], r[3]);
        }

        return data;
    }

    [Fact]
    public void The_corpus_holds_at_least_a_hundred_messages_in_both_languages()
    {
        var rows = Rows().Select(r => (string)r[1]).ToList();
        rows.Should().HaveCountGreaterThanOrEqualTo(100);
        rows.Should().Contain("ru").And.Contain("en");
        Candidates.Value.Should().HaveCountGreaterThanOrEqualTo(10);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_message_names_the_expected_client_and_leaves_the_rest(int line, string language, string message, string expected, string rest)
    {
        language.Should().BeOneOf("ru", "en");
        var arguments = message.StartsWith('/') ? string.Concat(message.SkipWhile(c => !char.IsWhiteSpace(c))).Trim() : message;

        var match = ClientReference.Resolve(arguments, Candidates.Value);

        var names = match.Ids.Select(id => Candidates.Value.Single(c => c.Id == id).Name).ToList();
        var because = $"line {line}: «{message}» read as {match.Kind} [{string.Join(" | ", names)}] rest «{match.Rest}»";
        if (expected == "not found")
        {
            match.Kind.Should().Be(ClientMatchKind.NotFound, because);
        }
        else if (expected.StartsWith("asks:", StringComparison.Ordinal))
        {
            match.Kind.Should().BeOneOf([ClientMatchKind.Ambiguous, ClientMatchKind.Suggestions], because);
            var asked = expected["asks:".Length..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            names.Order(StringComparer.Ordinal).Should().Equal(asked.Order(StringComparer.Ordinal), because);
        }
        else
        {
            match.Kind.Should().Be(ClientMatchKind.Exact, because);
            names.Should().Equal([expected], because);
        }

        match.Rest.Should().Be(rest, because);
    }

    private static IReadOnlyList<ClientCandidate> ReadCandidates() =>
    [
        .. File.ReadAllLines(FilePath)
            .Where(l => l.StartsWith("# client\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(c => new ClientCandidate(
                long.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture),
                c[2],
                [.. Split(c, 3).Select(p => Phones.Normalise(p)).OfType<string>()],
                [.. Split(c, 4).Select(Emails.Normalise).OfType<string>()])),
    ];

    private static IEnumerable<string> Split(string[] cells, int at) =>
        cells.Length > at ? cells[at].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
}
