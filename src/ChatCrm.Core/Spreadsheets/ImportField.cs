namespace ChatCrm.Core.Spreadsheets;

/// <summary>What a column of an imported spreadsheet means. <see cref="Skip"/>: the column is not imported.</summary>
public enum ImportField
{
    Skip = 0,
    Name = 1,
    Phone = 2,
    Email = 3,
    Segment = 4,
    Owner = 5,
    City = 6,
    ContactPerson = 7,
    Note = 8,
    DealAmount = 9,
    DealStage = 10,
    LastContact = 11,
}

/// <summary>
/// A spreadsheet's first sheet as text: the header row and the data rows, each cell trimmed, a missing cell "".
/// <see cref="ImportRowNumber"/> of row i is i + 2 (the header is row 1), as the user's spreadsheet program shows it.
/// </summary>
public sealed record ImportSheet(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A client list has a few dozen columns at most; more is not a list to import (and a preview cannot show it).</summary>
    public const int MaxColumns = 100;

    public static int ImportRowNumber(int rowIndex) => rowIndex + 2;
}

/// <summary>One data row read with a mapping: everything normalised (E.164 phones, lower-case e-mails), or why it is rejected.</summary>
public sealed record ImportRow(
    int RowNumber,
    string Name,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    string? Segment,
    string? Owner,
    string? City,
    string? ContactPerson,
    string? Note,
    decimal? DealAmount,
    string? DealStage,
    DateOnly? LastContact);

/// <summary>Why a row cannot be imported; the texts name it in the user's language, with <see cref="ImportRejection.Detail"/>.</summary>
public enum ImportRejectionKind
{
    NoName = 1,
    NameTooLong = 2,
    BadPhone = 3,
    BadEmail = 4,
    FormulaCell = 5,
    BadAmount = 6,
    BadDate = 7,
    TooManyPhones = 8,
    TooManyEmails = 9,
    TooLong = 10,
}

/// <summary>A rejected row: its number, what is wrong and the offending value (shortened), for the reason column.</summary>
public sealed record ImportRejection(int RowNumber, ImportRejectionKind Kind, string Detail);

/// <summary>Why a sent file cannot be imported at all; the texts name each in the user's language.</summary>
public enum ImportFileProblem
{
    /// <summary>Nothing in it (no bytes, or only blank lines).</summary>
    Empty = 1,

    /// <summary>Neither CSV text nor an XLSX workbook: a picture, a PDF, random bytes, a renamed file.</summary>
    NotASpreadsheet = 2,

    /// <summary>An old binary Excel workbook (.xls): it must be saved as .xlsx or CSV first.</summary>
    OldExcel = 3,

    /// <summary>The header row and no data rows.</summary>
    HeaderOnly = 4,

    /// <summary>No column whose header names the client (Название, Компания, Name…).</summary>
    NoNameColumn = 5,

    /// <summary>Over the Bot API's 20 MB download limit.</summary>
    TooBig = 6,

    /// <summary>More columns than a client list has (<see cref="ImportSheet.MaxColumns"/>).</summary>
    TooManyColumns = 7,

    /// <summary>Telegram did not give the file (a network error, a file that expired).</summary>
    NotDownloaded = 8,
}

/// <summary>A sent file that cannot be imported; nothing of it is stored.</summary>
public sealed class ImportFileException(ImportFileProblem problem, Exception? inner = null)
    : Exception($"The file cannot be imported: {problem}.", inner)
{
    public ImportFileProblem Problem { get; } = problem;
}
