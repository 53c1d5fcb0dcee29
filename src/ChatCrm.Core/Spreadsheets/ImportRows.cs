using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Spreadsheets;

/// <summary>
/// One data row read with a mapping: the row, or why it cannot be imported — or neither, for a blank row (every cell
/// empty), which a spreadsheet keeps between blocks of data and which is simply passed over.
/// </summary>
public readonly record struct ImportRead(ImportRow? Row, ImportRejection? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public bool IsBlank => Row is null && Rejection is null;
}

/// <summary>
/// Reads a data row of an imported sheet with the chosen column meanings: phones in E.164, e-mails lower case, amounts
/// and dates parsed, text trimmed. A row that cannot be imported as it stands is rejected with its reason, never half
/// taken: a formula-like cell («=HYPERLINK(…)») is refused so it can never reach a head's export as a live formula.
/// </summary>
public static partial class ImportRows
{
    /// <summary>Segment, owner, stage and contact person names: longer text is not a name.</summary>
    public const int MaxShortTextLength = 200;

    /// <summary>What a typed amount may be (AmountParser's own ceiling): a trillion.</summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private const int DetailLength = 60;
    private static readonly string[] DateFormats =
        ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd.MM.yyyy HH:mm", "dd.MM.yyyy H:mm",
         "dd.MM.yyyy HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Row <paramref name="rowIndex"/> of <paramref name="sheet"/> (0 = the first row under the header).</summary>
    public static ImportRead Read(ImportSheet sheet, int rowIndex, IReadOnlyList<ImportField> mapping, string defaultRegion = "RU")
    {
        ArgumentNullException.ThrowIfNull(sheet);
        return Read(sheet.Rows[rowIndex], ImportSheet.ImportRowNumber(rowIndex), mapping, defaultRegion);
    }

    /// <summary>One row's cells (in column order); <paramref name="rowNumber"/> is the number the spreadsheet shows.</summary>
    public static ImportRead Read(IReadOnlyList<string> cells, int rowNumber, IReadOnlyList<ImportField> mapping, string defaultRegion = "RU")
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(mapping);
        if (cells.All(c => Clean(c).Length == 0))
        {
            return default;
        }

        var row = new Builder(rowNumber);
        for (var column = 0; column < mapping.Count && column < cells.Count; column++)
        {
            var field = mapping[column];
            var cell = Clean(cells[column]);
            if (field == ImportField.Skip || cell.Length == 0)
            {
                continue;
            }

            if (IsFormula(cell, field))
            {
                return Reject(rowNumber, ImportRejectionKind.FormulaCell, cell);
            }

            if (row.Take(field, cell, defaultRegion) is { } rejection)
            {
                return new ImportRead(null, rejection);
            }
        }

        return row.Build();
    }

    /// <summary>
    /// A spreadsheet runs a cell that starts with =, +, - or @; but «+7 900 123-45-67» in a phone column is a phone and
    /// «-1500» is a number. «=…» is a formula wherever it stands.
    /// </summary>
    public static bool IsFormula(string cell, ImportField field)
    {
        if (!CellSafety.IsFormulaLike(cell))
        {
            return false;
        }

        if (cell[0] == '=')
        {
            return true;
        }

        if (cell[0] == '@')
        {
            // «@vasya» in the owner column names a manager by their Telegram username; anything else after @ may run.
            return !(field == ImportField.Owner && Username().IsMatch(cell));
        }

        return !(Number().IsMatch(cell) || (field == ImportField.Phone && PhoneLike().IsMatch(cell)));
    }

    private static ImportRead Reject(int rowNumber, ImportRejectionKind kind, string value) =>
        new(null, new ImportRejection(rowNumber, kind, Shorten(value)));

    private static string Shorten(string value) => value.Length <= DetailLength ? value : value[..(DetailLength - 1)] + "…";

    /// <summary>Trimmed, no-break spaces as spaces; a dash alone is how lists write «nothing».</summary>
    private static string Clean(string? cell)
    {
        var text = (cell ?? "").Replace('\u00A0', ' ').Trim();
        return text.All(c => c is '-' or '—' or '–') ? "" : text;
    }

    private static DateOnly? ParseDate(string text)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var at)
            && at.Year is >= 1900 and <= 2100)
        {
            return DateOnly.FromDateTime(at);
        }

        return null;
    }

    private static decimal? ParseAmount(string text)
    {
        // A number cell comes as «150000.5»; people type «150 000», «150к», «1,5 млн».
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        return AmountParser.TryParse(text);
    }

    [GeneratedRegex(@"^[-+]?\d[\d\s.,]*$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^@[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex Username();

    [GeneratedRegex(@"^\+[\d\s().,;+\-]+$")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"[,;\n]+")]
    private static partial Regex ListSeparators();

    [GeneratedRegex(@"[,;\s]+")]
    private static partial Regex EmailSeparators();

    private sealed class Builder(int rowNumber)
    {
        private readonly List<string> _phones = [];
        private readonly List<string> _emails = [];
        private readonly List<string> _notes = [];
        private string? _name;
        private string? _segment;
        private string? _owner;
        private string? _city;
        private string? _person;
        private string? _stage;
        private decimal? _amount;
        private DateOnly? _lastContact;

        public ImportRejection? Take(ImportField field, string cell, string region)
        {
            switch (field)
            {
                case ImportField.Name:
                    _name ??= cell;
                    return _name.Length > Client.MaxNameLength ? Rejection(ImportRejectionKind.NameTooLong, cell) : null;
                case ImportField.Phone:
                    foreach (var part in ListSeparators().Split(cell).Select(p => p.Trim()).Where(p => p.Length > 0))
                    {
                        if (Phones.Normalise(part, region) is not { } phone)
                        {
                            return Rejection(ImportRejectionKind.BadPhone, part);
                        }

                        if (!_phones.Contains(phone))
                        {
                            _phones.Add(phone);
                        }
                    }

                    return _phones.Count > Client.MaxPhones ? Rejection(ImportRejectionKind.TooManyPhones, cell) : null;
                case ImportField.Email:
                    foreach (var part in EmailSeparators().Split(cell).Where(p => p.Length > 0))
                    {
                        if (Emails.Normalise(part) is not { } email)
                        {
                            return Rejection(ImportRejectionKind.BadEmail, part);
                        }

                        if (!_emails.Contains(email))
                        {
                            _emails.Add(email);
                        }
                    }

                    return _emails.Count > Client.MaxEmails ? Rejection(ImportRejectionKind.TooManyEmails, cell) : null;
                case ImportField.Segment:
                    return Short(ref _segment, cell);
                case ImportField.Owner:
                    return Short(ref _owner, cell);
                case ImportField.ContactPerson:
                    return Short(ref _person, cell);
                case ImportField.DealStage:
                    return Short(ref _stage, cell);
                case ImportField.City:
                    _city ??= cell;
                    return _city.Length > Client.MaxCityLength ? Rejection(ImportRejectionKind.TooLong, cell) : null;
                case ImportField.Note:
                    _notes.Add(cell);
                    return _notes.Sum(n => n.Length + 2) - 2 > Client.MaxNoteLength ? Rejection(ImportRejectionKind.TooLong, cell) : null;
                case ImportField.DealAmount:
                    if (ParseAmount(cell) is not { } amount || amount < 0 || amount > MaxAmount)
                    {
                        return Rejection(ImportRejectionKind.BadAmount, cell);
                    }

                    _amount ??= amount == 0 ? null : decimal.Round(amount, 2);
                    return null;
                case ImportField.LastContact:
                    if (ParseDate(cell) is not { } date)
                    {
                        return Rejection(ImportRejectionKind.BadDate, cell);
                    }

                    _lastContact ??= date;
                    return null;
                default:
                    return null;
            }
        }

        public ImportRead Build() => _name is null
            ? new ImportRead(null, new ImportRejection(rowNumber, ImportRejectionKind.NoName, ""))
            : new ImportRead(new ImportRow(rowNumber, _name, _phones, _emails, _segment, _owner, _city, _person,
                _notes.Count == 0 ? null : string.Join("; ", _notes), _amount, _stage, _lastContact), null);

        private ImportRejection? Short(ref string? target, string cell)
        {
            target ??= cell;
            return target.Length > MaxShortTextLength ? Rejection(ImportRejectionKind.TooLong, cell) : null;
        }

        private ImportRejection Rejection(ImportRejectionKind kind, string value) => new(rowNumber, kind, Shorten(value));
    }
}
