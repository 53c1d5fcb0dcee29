using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    /// <summary>A manager sent a file: importing is for heads and admins.</summary>
    public abstract string ImportOnlyHeads();

    /// <summary>Why a sent file cannot be imported (HTML); <paramref name="sizeMb"/> is the file's size where it matters.</summary>
    public abstract string ImportFileProblemText(ImportFileProblem problem, int sizeMb);

    /// <summary>A column's meaning, short: «телефон», «пропустить». Button labels and the preview use it.</summary>
    public abstract string ImportFieldName(ImportField field);

    /// <summary>The header the /import template gives a column (plain text, recognised by the column detection).</summary>
    public abstract string ImportTemplateHeader(ImportField field);

    public abstract string ImportTemplateFileName { get; }

    /// <summary>What is wrong with a rejected row, without the value (plain text for the rejected rows' reason column).</summary>
    public abstract string ImportRejectionKindText(ImportRejectionKind kind);

    /// <summary>
    /// The reason column of a rejected row: what is wrong and the offending value, as plain text (a spreadsheet cell, not
    /// HTML). A value that a spreadsheet would run is neutralised by whoever writes the cell.
    /// </summary>
    public string ImportRejectionReason(ImportRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        var kind = ImportRejectionKindText(rejection.Kind);
        return string.IsNullOrEmpty(rejection.Detail) ? kind : $"{kind}: «{rejection.Detail}»";
    }

    /// <summary>The preview's first line: the file and how many data rows it has.</summary>
    public abstract string ImportPreviewHeading(string fileName, int rows);

    /// <summary>One column of the preview: its number, header, meaning and the first rows' values.</summary>
    public abstract string ImportPreviewColumn(int number, string header, ImportField field, IReadOnlyList<string> samples);

    /// <summary>Under the columns: what the buttons do.</summary>
    public abstract string ImportPreviewHint();

    /// <summary>The header of a column that has none.</summary>
    public abstract string ImportUnnamedColumn(int number);

    /// <summary>Asked after a column's button: which meaning it should have.</summary>
    public abstract string ImportAskField(int number, string header, IReadOnlyList<string> samples);

    public abstract string ImportContinueButton { get; }
    public abstract string ImportCancelButton { get; }
    public abstract string ImportBackButton { get; }

    /// <summary>Continue pressed with no column meaning the name.</summary>
    public abstract string ImportNeedsName();

    /// <summary>The preview once confirmed: the mapping stays readable, the buttons go.</summary>
    public abstract string ImportMappingConfirmed(string fileName);

    public abstract string ImportCancelled(string fileName);

    /// <summary>A toast: the preview's buttons belong to whoever sent the file.</summary>
    public abstract string ImportNotYours();

    /// <summary>A toast: the preview was cancelled, confirmed or replaced.</summary>
    public abstract string ImportPreviewClosed();

    /// <summary>/import: what to send and which columns are recognised; the template follows.</summary>
    public abstract string ImportHelp();

    public abstract string ImportTemplateCaption();
}
