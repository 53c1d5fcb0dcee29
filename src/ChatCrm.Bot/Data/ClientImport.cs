namespace ChatCrm.Bot.Data;

public enum ImportStatus
{
    /// <summary>The file is read; the preview with the column mapping is shown and may be changed.</summary>
    Preview = 0,

    /// <summary>The mapping is confirmed; duplicate classes, unknown segments and owners are being asked about.</summary>
    Questions = 1,

    /// <summary>Confirmed: the worker is importing it batch by batch (<see cref="ClientImport.RowsDone"/> so far).</summary>
    Running = 2,
    Done = 3,
    Cancelled = 4,

    /// <summary>Stopped after its batch failed again and again (<c>Import:MaxAttempts</c>); what was committed stays.</summary>
    Failed = 5,
}

/// <summary>
/// A spreadsheet a head or an admin sent to be imported, from the preview to the report. The file itself is kept, so
/// the answers given along the way and a restart in the middle of a run lose nothing: the worker reads it again and
/// goes on after <see cref="RowsDone"/>. <see cref="Mapping"/> and <see cref="Choices"/> are the import feature's own
/// JSON (the column meanings; the answers per duplicate class, segment and owner).
/// </summary>
public sealed class ClientImport
{
    public const int MaxFileNameLength = 255;

    public long Id { get; set; }
    public long UserId { get; set; }
    public long ChatId { get; set; }
    public DateTime CreatedAt { get; set; }
    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Content"/>, hex: the same file sent again is recognised.</summary>
    public string ContentHash { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public ImportStatus Status { get; set; }
    public string Mapping { get; set; } = "";
    public string Choices { get; set; } = "";

    /// <summary>The outbox row of the progress message, whose Telegram id the worker edits once it is sent.</summary>
    public long? ProgressOutboxId { get; set; }
    public int RowsTotal { get; set; }
    public int RowsDone { get; set; }
    public int Created { get; set; }
    public int Merged { get; set; }
    public int Skipped { get; set; }
    public int Rejected { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>A row an import rejected, with why: they come back to the user as an XLSX with a reason column.</summary>
public sealed class ImportProblem
{
    public const int MaxReasonLength = 500;

    public long Id { get; set; }
    public long ImportId { get; set; }

    /// <summary>The row's number as the spreadsheet shows it (the header is row 1).</summary>
    public int RowNumber { get; set; }
    public string Reason { get; set; } = "";
}
