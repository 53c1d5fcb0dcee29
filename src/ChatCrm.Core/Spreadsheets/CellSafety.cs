namespace ChatCrm.Core.Spreadsheets;

/// <summary>
/// Excel and its kin run a cell whose text begins with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage
/// return before one) as a formula: «=HYPERLINK(…)» typed into a client's name must not become a live link in a head's
/// export. Such text is written with a leading apostrophe, which spreadsheets show as plain text.
/// </summary>
public static class CellSafety
{
    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("=+-@\t\r");

    public static bool IsFormulaLike(string? value) => !string.IsNullOrEmpty(value) && Triggers.Contains(value[0]);

    /// <summary>The text as a spreadsheet should show it, never run it.</summary>
    public static string Neutralise(string? value) =>
        value is null ? "" : IsFormulaLike(value) ? "'" + value : value;
}
