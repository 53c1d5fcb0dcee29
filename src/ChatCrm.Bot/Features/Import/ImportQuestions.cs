using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The import after its preview: the same file done before, duplicate classes (one answer per class), rows without
/// an owner, unknown owners and segments (each asked once, not once per row), then the confirmation. One message,
/// redrawn at each answer; every answer is kept in <see cref="ClientImport.Choices"/>, and nothing but the import's
/// own row changes until the run starts, so a cancel at any step leaves the base as it was.
/// </summary>
public static class ImportQuestions
{
    public const string Prefix = "imq";

    // Slices the analysis looks the base up by: one query per kind of key and slice.
    private const int Slice = 2000;
    private const int MaxManagerButtons = 10;
    private const int MaxSegmentButtons = 10;

    private static readonly DuplicateClass[] Classes =
        [DuplicateClass.InFile, DuplicateClass.BasePhone, DuplicateClass.BaseEmail, DuplicateClass.SimilarName];

    /// <summary>
    /// Called when the user confirms the preview's mapping (the import is in <see cref="ImportStatus.Preview"/>, with its
    /// <see cref="ClientImport.Mapping"/> saved); <paramref name="sheet"/> is the file, opened.
    /// </summary>
    public static async Task BeginAsync(BotContext ctx, ClientImport import, SpreadsheetFiles.SheetReader sheet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(import);
        import.Status = ImportStatus.Questions;
        var choices = await AnalyseAsync(ctx.Db, ImportFile.Rows(import, sheet), ct);
        import.RowsTotal = choices.Rows;
        var earlier = await ctx.Db.Imports.AsNoTracking()
            .Where(i => i.ContentHash == import.ContentHash && i.Status == ImportStatus.Done && i.Id != import.Id)
            .OrderByDescending(i => i.Id).Select(i => i.FinishedAt ?? i.CreatedAt).FirstOrDefaultAsync(ct);
        choices.RepeatOf = earlier == default ? null : earlier;
        choices.Step = choices.RepeatOf is null ? Advance(choices, ImportStep.Duplicates) : ImportStep.Repeat;
        import.Choices = choices.Write();
        // Below the preview, which stays as the record of the columns chosen.
        await ShowAsync(ctx, import, choices, ct, edit: false);
    }

    /// <summary>Counts each duplicate class against the clients that exist now, and finds the owners and segments the rows name.</summary>
    /// <remarks>The rows stream by in slices; only their keys (the in-file repeat check) and the owner and segment names stay.</remarks>
    internal static async Task<ImportChoices> AnalyseAsync(ChatCrmDbContext db, IEnumerable<ReadRow> rows, CancellationToken ct)
    {
        var choices = new ImportChoices { Baseline = await db.Clients.MaxAsync(c => (long?)c.Id, ct) ?? 0 };
        var owners = new Dictionary<string, (string Text, int Rows)>(StringComparer.Ordinal);
        var named = new Dictionary<string, (string Text, int Rows)>(StringComparer.Ordinal);
        var seen = new FileKeys();
        foreach (var slice in Valid(rows, choices).Chunk(Slice))
        {
            foreach (var row in slice)
            {
                Count(owners, row.Owner);
                Count(named, row.Segment);
            }

            var existing = await ImportLookup.FindAsync(db, slice, ct);
            foreach (var row in slice)
            {
                var (@class, _) = ImportDuplicates.Classify(row, seen, existing, choices.Baseline);
                if (@class != DuplicateClass.None)
                {
                    choices.Counts[@class] = choices.Count(@class) + 1;
                }
            }
        }

        choices.NoOwnerRows = choices.Valid - owners.Values.Sum(o => o.Rows);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).ToListAsync(ct);
        foreach (var (key, (text, count)) in owners)
        {
            var user = users.Where(u => ImportChoices.Key(u.DisplayName) == key || (u.Username is { } n && ImportChoices.Key(n) == key))
                .OrderBy(u => u.Id).FirstOrDefault();
            choices.Owners.Add(new OwnerAnswer { Text = text, Rows = count, UserId = user?.Id, Answered = user is not null });
        }

        var segments = await db.Segments.AsNoTracking().Where(s => !s.IsRetired).ToListAsync(ct);
        foreach (var (key, (text, count)) in named)
        {
            var segment = segments.Where(s => ImportChoices.Key(s.Name) == key).OrderBy(s => s.Id).FirstOrDefault();
            choices.Segments.Add(new SegmentAnswer { Text = text, Rows = count, SegmentId = segment?.Id, Answered = segment is not null });
        }

        return choices;
    }

    /// <summary>The rows that read well, counting every row and every good one into <paramref name="choices"/> as they pass.</summary>
    private static IEnumerable<ImportRow> Valid(IEnumerable<ReadRow> rows, ImportChoices choices)
    {
        foreach (var read in rows)
        {
            choices.Rows++;
            if (read.Row is { } row)
            {
                choices.Valid++;
                yield return row;
            }
        }
    }

    /// <summary>Rows per name as first written (owners, segments), in the order the file first names them.</summary>
    private static void Count(Dictionary<string, (string Text, int Rows)> counts, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        var key = ImportChoices.Key(name);
        counts[key] = counts.TryGetValue(key, out var known) ? (known.Text, known.Rows + 1) : (name.Trim(), 1);
    }

    /// <summary>The first step at or after <paramref name="from"/> that has something to ask.</summary>
    internal static ImportStep Advance(ImportChoices choices, ImportStep from)
    {
        for (var step = from; step < ImportStep.Confirm; step++)
        {
            var asks = step switch
            {
                ImportStep.Duplicates => Classes.Any(c => choices.Count(c) > 0),
                ImportStep.NoOwner => choices.NoOwnerRows > 0,
                ImportStep.Owners => choices.Owners.Any(o => !o.Answered),
                ImportStep.Segments => choices.Segments.Any(s => !s.Answered),
                _ => false,
            };
            if (asks)
            {
                return step;
            }
        }

        return ImportStep.Confirm;
    }

    internal static string Data(ClientImport import, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{import.Id}:{verb}");

    /// <summary>Draws the question of the current step in place of the message whose button was tapped.</summary>
    internal static async Task ShowAsync(BotContext ctx, ClientImport import, ImportChoices choices, CancellationToken ct, bool edit = true)
    {
        var t = ctx.T;
        var cancel = Button.Callback(t.CancelButton, Data(import, "x"));
        var rows = new List<IReadOnlyList<Button>>();
        string text;
        switch (choices.Step)
        {
            case ImportStep.Repeat:
                text = t.ImportAlreadyDone(TimeZones.ToLocal(choices.RepeatOf ?? ctx.Now, ctx.Zone));
                rows.Add([Button.Callback(t.ImportGoOnButton, Data(import, "go")), cancel]);
                break;
            case ImportStep.Duplicates:
                var lines = new List<string> { t.ImportDuplicatesHeader(Classes.Sum(choices.Count)) };
                var number = 0;
                foreach (var @class in Classes.Where(c => choices.Count(c) > 0))
                {
                    var answer = choices.Answer(@class);
                    var mark = (++number).ToString(CultureInfo.InvariantCulture);
                    lines.Add($"{mark}. {t.ImportDuplicateClass(@class, choices.Count(@class))} — {t.ImportChoiceButton(answer, chosen: false)}");
                    rows.Add([.. Enum.GetValues<DuplicateChoice>().Select(c => Button.Callback(
                        mark + " " + t.ImportChoiceButton(c, c == answer),
                        Data(import, string.Create(CultureInfo.InvariantCulture, $"d:{(int)@class}:{(int)c}"))))]);
                }

                text = string.Join("\n", lines);
                rows.Add([Button.Callback(t.ImportNextButton, Data(import, "go")), cancel]);
                break;
            case ImportStep.NoOwner:
                text = t.ImportNoOwner(choices.NoOwnerRows);
                rows.Add([Button.Callback(t.ImportToPoolButton, Data(import, "n:p")), Button.Callback(t.ImportToMeButton, Data(import, "n:m"))]);
                rows.Add([cancel]);
                break;
            case ImportStep.Owners:
                var ownerIndex = choices.Owners.FindIndex(o => !o.Answered);
                var owner = choices.Owners[ownerIndex];
                text = t.ImportUnknownOwner(owner.Text, owner.Rows);
                var people = await ctx.Db.Users.AsNoTracking().ActiveSalespeople()
                    .OrderBy(u => u.DisplayName).Take(MaxManagerButtons).ToListAsync(ct);
                rows.Add([Button.Callback(t.ImportToPoolButton, Data(import, string.Create(CultureInfo.InvariantCulture, $"o:{ownerIndex}:0")))]);
                rows.AddRange(people.Chunk(2).Select(pair => (IReadOnlyList<Button>)[.. pair.Select(u =>
                    Button.Callback(u.DisplayName, Data(import, string.Create(CultureInfo.InvariantCulture, $"o:{ownerIndex}:{u.Id}"))))]));
                rows.Add([cancel]);
                break;
            case ImportStep.Segments:
                var segmentIndex = choices.Segments.FindIndex(s => !s.Answered);
                var segment = choices.Segments[segmentIndex];
                text = t.ImportUnknownSegment(segment.Text, segment.Rows);
                var live = await ctx.Db.Segments.AsNoTracking().Where(s => !s.IsRetired).OrderBy(s => s.Name).Take(MaxSegmentButtons).ToListAsync(ct);
                rows.Add([
                    Button.Callback(t.ImportCreateSegmentButton, Data(import, string.Create(CultureInfo.InvariantCulture, $"s:{segmentIndex}:c"))),
                    Button.Callback(t.WithoutSegmentButton, Data(import, string.Create(CultureInfo.InvariantCulture, $"s:{segmentIndex}:0"))),
                ]);
                rows.AddRange(live.Chunk(2).Select(pair => (IReadOnlyList<Button>)[.. pair.Select(s =>
                    Button.Callback(s.Name, Data(import, string.Create(CultureInfo.InvariantCulture, $"s:{segmentIndex}:{s.Id}"))))]));
                rows.Add([cancel]);
                break;
            default:
                text = t.ImportConfirm(choices.Valid, choices.Planned(DuplicateChoice.Merge),
                    choices.Planned(DuplicateChoice.Skip), import.RowsTotal - choices.Valid);
                rows.Add([Button.Callback(t.ImportStartButton, Data(import, "go")), cancel]);
                break;
        }

        ctx.Answer(new Reply(text, rows), edit);
    }
}
