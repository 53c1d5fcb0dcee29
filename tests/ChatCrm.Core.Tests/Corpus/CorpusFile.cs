namespace ChatCrm.Core.Tests.Corpus;

/// <summary>
/// A corpus table (<c>Corpus/&lt;area&gt;.tsv</c>): tab-separated, blank lines and <c>#</c> comments skipped, the first
/// other line the header. Rows keep their line number, so a failing row names the line to open; missing trailing cells
/// read as empty.
/// </summary>
internal static class CorpusFile
{
    public sealed record Row(int Line, IReadOnlyList<string> Cells)
    {
        public string this[int i] => i < Cells.Count ? Cells[i] : "";
    }

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Corpus", name);

    /// <summary>The rows under a header that must be exactly <paramref name="columns"/>.</summary>
    public static IReadOnlyList<Row> Read(string name, params string[] columns)
    {
        var rows = new List<Row>();
        var lines = File.ReadAllLines(PathOf(name));
        var header = true;
        for (var n = 0; n < lines.Length; n++)
        {
            if (lines[n].Length == 0 || lines[n].StartsWith('#'))
            {
                continue;
            }

            var cells = lines[n].Split('\t');
            if (header)
            {
                cells.Should().Equal(columns, $"the header of {name}");
                header = false;
                continue;
            }

            rows.Add(new Row(n + 1, cells));
        }

        return rows;
    }
}
