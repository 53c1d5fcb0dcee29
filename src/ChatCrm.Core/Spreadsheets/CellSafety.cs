using System.Text.RegularExpressions;

namespace ChatCrm.Core.Spreadsheets;

/// <summary>
/// Excel and its kin run a cell whose text begins with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage
/// return before one) as a formula: «=HYPERLINK(…)» typed into a client's name must not become a live link in a head's
/// export. Such text is written with a leading apostrophe, which spreadsheets show as plain text.
/// </summary>
/// <remarks>
/// One exception: a cell that is exactly one or more E.164 phone numbers («+79161234567», or several joined by «, »),
/// which is how every phone column is exported. Read as a formula it is at worst a numeric constant: it holds no
/// function name, no cell reference (those need a letter or a colon) and no DDE pipe, so it can run nothing, and the
/// apostrophe would only be noise in every phone a head exports. Anything more — a letter, a bracket, a second
/// operator, spaces inside the number, fewer than 7 or more than 15 digits — is neutralised as before.
/// </remarks>
public static partial class CellSafety
{
    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("=+-@\t\r");

    /// <summary>Whether a spreadsheet would read the text as a formula: it starts with one of the trigger characters.</summary>
    public static bool IsFormulaLike(string? value) => !string.IsNullOrEmpty(value) && Triggers.Contains(value[0]);

    /// <summary>Exactly E.164 numbers: «+», 7 to 15 digits, several joined by «, »; nothing before, between or after.</summary>
    public static bool IsPhoneList(string? value) => !string.IsNullOrEmpty(value) && PhoneList().IsMatch(value);

    /// <summary>The text as a spreadsheet should show it, never run it.</summary>
    public static string Neutralise(string? value) =>
        value is null ? "" : IsFormulaLike(value) && !IsPhoneList(value) ? "'" + value : value;

    // \z, not $: «$» would let a trailing line break through. Only ASCII digits: [0-9], not \d.
    [GeneratedRegex(@"\A\+[0-9]{7,15}(?:, \+[0-9]{7,15})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneList();
}
