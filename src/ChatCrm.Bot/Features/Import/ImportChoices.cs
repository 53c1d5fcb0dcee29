using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Bot.Features.Import;

/// <summary>Where the questions after the preview stand.</summary>
public enum ImportStep
{
    /// <summary>The same file was imported before: go on or cancel.</summary>
    Repeat = 0,
    Duplicates = 1,
    NoOwner = 2,
    Owners = 3,
    Segments = 4,
    Confirm = 5,
}

/// <summary>An owner named in the file: who it is (null = the pool), whether that is known or still to be asked.</summary>
public sealed class OwnerAnswer
{
    public string Text { get; set; } = "";
    public int Rows { get; set; }
    public long? UserId { get; set; }
    public bool Answered { get; set; }
}

/// <summary>A segment named in the file: its id (null = none), whether known or still to be asked; <see cref="Create"/> makes it at the start.</summary>
public sealed class SegmentAnswer
{
    public string Text { get; set; } = "";
    public int Rows { get; set; }
    public long? SegmentId { get; set; }
    public bool Create { get; set; }
    public bool Answered { get; set; }
}

/// <summary>
/// <see cref="Data.ClientImport.Choices"/>: what the questions found in the file and what the head answered, and the
/// line between the clients that existed before the import (<see cref="Baseline"/>) and those it creates, so a
/// resumed run classifies every row as the first one would have.
/// </summary>
public sealed class ImportChoices
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public ImportStep Step { get; set; }
    public long Baseline { get; set; }
    public Dictionary<DuplicateClass, int> Counts { get; set; } = [];
    public Dictionary<DuplicateClass, DuplicateChoice> Answers { get; set; } = [];
    public int Valid { get; set; }

    /// <summary>Every row of the file, read well or not (the import's total); counted by the analysis, not kept.</summary>
    [JsonIgnore]
    public int Rows { get; set; }
    public int NoOwnerRows { get; set; }

    /// <summary>Rows without an owner go to the importer rather than to the pool.</summary>
    public bool NoOwnerToMe { get; set; }
    public List<OwnerAnswer> Owners { get; set; } = [];
    public List<SegmentAnswer> Segments { get; set; } = [];
    public DateTime? RepeatOf { get; set; }

    public static ImportChoices Read(string json) =>
        string.IsNullOrEmpty(json) ? new ImportChoices() : JsonSerializer.Deserialize<ImportChoices>(json, Json) ?? new ImportChoices();

    public string Write() => JsonSerializer.Serialize(this, Json);

    public DuplicateChoice Answer(DuplicateClass @class) =>
        @class == DuplicateClass.None ? DuplicateChoice.Create : Answers.GetValueOrDefault(@class, ImportDuplicates.DefaultChoice(@class));

    public int Count(DuplicateClass @class) => Counts.GetValueOrDefault(@class);

    /// <summary>Rows the run will merge / skip / create, by the answers so far.</summary>
    public int Planned(DuplicateChoice choice) =>
        Counts.Where(c => Answer(c.Key) == choice).Sum(c => c.Value);

    /// <summary>The text a file names an owner or a segment by, as compared: case, spaces and a leading @ aside.</summary>
    public static string Key(string text) => text.Trim().TrimStart('@').Trim().ToLowerInvariant();

    public long? OwnerOf(string? owner, long importer) =>
        string.IsNullOrWhiteSpace(owner)
            ? (NoOwnerToMe ? importer : null)
            : Owners.FirstOrDefault(o => Key(o.Text) == Key(owner))?.UserId;

    public long? SegmentOf(string? segment) =>
        string.IsNullOrWhiteSpace(segment) ? null : Segments.FirstOrDefault(s => Key(s.Text) == Key(segment))?.SegmentId;
}
