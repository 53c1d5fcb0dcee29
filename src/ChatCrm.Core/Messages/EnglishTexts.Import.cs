using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddImportDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["import"] = new("bring a client list in from Excel or CSV",
            "/import — what to send and which columns I recognise, with a template. Then send an .xlsx or .csv file as a document.",
            "/import");
    }

    public override string ImportOnlyHeads() =>
        "⛔ Only heads and admins import client lists. Add a client with /client.";

    public override string ImportFileProblemText(ImportFileProblem problem, int sizeMb) => problem switch
    {
        ImportFileProblem.Empty => "📄 The file is empty: not a single line. Send a client list: headers in the first row, then one client per row.",
        ImportFileProblem.NotASpreadsheet => "📄 This is not a spreadsheet: it reads neither as Excel (.xlsx) nor as CSV. Save the list as .xlsx or CSV and send it again.",
        ImportFileProblem.OldExcel => "📄 This is the old Excel format (.xls). Open it and save it as an Excel Workbook (.xlsx) or CSV, then send it again.",
        ImportFileProblem.HeaderOnly => "📄 The file has only the header row and no clients. Add the client rows and send it again.",
        ImportFileProblem.NoNameColumn =>
            "📄 I found no column with the client's name. Head it «Name», «Company», «Client» or «Название» and send the file again. Template: /import",
        ImportFileProblem.TooBig => $"📄 The file is {sizeMb} MB, and Telegram gives bots files up to 20 MB. Split the list or save it as CSV.",
        ImportFileProblem.TooManyColumns => $"📄 The sheet has more than {ImportSheet.MaxColumns} columns: that is not a client list. Keep the columns you need and send it again.",
        _ => "📄 Telegram did not give me the file. Please send it again.",
    };

    public override string ImportFieldName(ImportField field) => field switch
    {
        ImportField.Name => "name",
        ImportField.Phone => "phone",
        ImportField.Email => "e-mail",
        ImportField.Segment => "segment",
        ImportField.Owner => "owner",
        ImportField.City => "city",
        ImportField.ContactPerson => "contact person",
        ImportField.Note => "note",
        ImportField.DealAmount => "deal amount",
        ImportField.DealStage => "deal stage",
        ImportField.LastContact => "last contact",
        _ => "skip",
    };

    public override string ImportTemplateHeader(ImportField field) => field switch
    {
        ImportField.Name => "Name",
        ImportField.Phone => "Phone",
        ImportField.Email => "E-mail",
        ImportField.Segment => "Segment",
        ImportField.Owner => "Owner",
        ImportField.City => "City",
        ImportField.ContactPerson => "Contact person",
        ImportField.Note => "Note",
        ImportField.DealAmount => "Deal amount",
        ImportField.DealStage => "Stage",
        ImportField.LastContact => "Last contact",
        _ => "Not imported",
    };

    public override string ImportTemplateFileName => "import-template.xlsx";

    public override string ImportRejectionKindText(ImportRejectionKind kind) => kind switch
    {
        ImportRejectionKind.NoName => "no client name",
        ImportRejectionKind.NameTooLong => $"the name is longer than {Domain.Crm.Client.MaxNameLength} characters",
        ImportRejectionKind.BadPhone => "the phone number cannot be read",
        ImportRejectionKind.BadEmail => "the e-mail address cannot be read",
        ImportRejectionKind.FormulaCell => "a cell looks like an Excel formula (starts with =, +, - or @)",
        ImportRejectionKind.BadAmount => "the amount cannot be read",
        ImportRejectionKind.BadDate => "the date cannot be read (dd.mm.yyyy expected)",
        ImportRejectionKind.TooManyPhones => $"more than {Domain.Crm.Client.MaxPhones} phone numbers",
        ImportRejectionKind.TooManyEmails => $"more than {Domain.Crm.Client.MaxEmails} e-mail addresses",
        _ => "the text is too long",
    };

    public override string ImportPreviewHeading(string fileName, int rows) =>
        $"📥 {Bold(fileName)} — {rows} {(rows == 1 ? "row" : "rows")} of clients.\nColumns and what they hold:";

    public override string ImportPreviewColumn(int number, string header, ImportField field, IReadOnlyList<string> samples) =>
        $"{number}. {Escape(header)} → {(field == ImportField.Skip ? "<i>not imported</i>" : Bold(ImportFieldName(field)))}" +
        (samples.Count == 0 ? "" : $"\n     {Escape(string.Join(" · ", samples))}");

    public override string ImportPreviewHint() =>
        "If a column is read wrong, tap its number and pick its meaning. All correct: «Continue».";

    public override string ImportUnnamedColumn(int number) => $"column {number}";

    public override string ImportAskField(int number, string header, IReadOnlyList<string> samples) =>
        $"What is in column {number} «{Escape(header)}»?" + (samples.Count == 0 ? "" : $"\nFor example: {Escape(string.Join(" · ", samples))}");

    public override string ImportContinueButton => "✅ Continue";
    public override string ImportCancelButton => "✖️ Cancel";
    public override string ImportBackButton => "← Back";

    public override string ImportNeedsName() =>
        "A list cannot be imported without the client name column. Tap the number of the column with the names and pick «name».";

    public override string ImportMappingConfirmed(string fileName) => $"✅ The columns of {Bold(fileName)} are confirmed.";

    public override string ImportCancelled(string fileName) => $"✖️ Import of {Bold(fileName)} cancelled; nothing changed.";

    public override string ImportNotYours() => "This preview is of someone else's file: its buttons are for whoever sent it.";

    public override string ImportPreviewClosed() => "This import is already cancelled or confirmed.";

    public override string ImportHelp() =>
        "📥 <b>Importing a client list</b>\n" +
        "Send me an <b>.xlsx</b> or <b>.csv</b> file as a document (up to 20 MB). Headers in the first row, then one client per row; I read the first sheet.\n\n" +
        "Columns I recognise: name (Company, Client, Name, Название), phone (several columns, or several numbers separated by commas), " +
        "e-mail, segment, owner, city, contact person, note, deal amount, stage, last contact (dd.mm.yyyy).\n" +
        "CSV: UTF-8 or Windows-1251, separated by «;» or «,».\n\n" +
        "First I show how I read the columns, and you can correct them; nothing is imported before you confirm. The template is below.";

    public override string ImportTemplateCaption() => "Template: fill in the rows and send the file back.";
}
