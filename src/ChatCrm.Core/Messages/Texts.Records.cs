namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    /// <summary>A history line's date in the reader's zone (already converted) and language: «3 дек 2026, 12:00».</summary>
    public string HistoryDate(DateTime local) => local.ToString("d MMM yyyy, HH:mm", Culture);

    // /edit
    public abstract string AskEditClient();
    public abstract string EditWhichField(string client);
    public abstract string EditFieldName { get; }
    public abstract string EditFieldPhone { get; }
    public abstract string EditFieldEmail { get; }
    public abstract string EditFieldSegment { get; }
    public abstract string EditFieldCity { get; }
    public abstract string EditFieldNote { get; }
    public abstract string EditAskValue(string client, string field, bool list);
    public abstract string EditUnknownField(string field);
    public abstract string EditDone(string client, string field, string value);
    public abstract string EditAlreadyThere(string client, string value);
    public abstract string EditNotThere(string client, string value);
    public abstract string EditSegmentUnknown(string segment, IReadOnlyList<string> segments);
    public abstract string EditRenameTaken(string client, string newName);
    public abstract string RenameAnywayButton { get; }
    public string EditUndoDescription(string client, string field) => string.Format(Culture, EditUndoFormat, client, field);
    protected abstract string EditUndoFormat { get; }

    // /person
    public abstract string AskPersonClient();
    public abstract string PersonFormat();
    public abstract string PersonAdded(string client, string person);
    public abstract string PersonUpdated(string client, string person);
    public abstract string PersonRemoved(string client, string person);
    public abstract string PersonGone();
    public abstract string PersonsHeader(string client, int count);
    public abstract string NoPersons(string client);

    /// <summary>«Иван Петров, закупщик, +7 900 111-22-33» as plain text (escape it where it goes into HTML).</summary>
    public static string PersonLine(string name, string? position, string? phone, string? email) =>
        string.Join(", ", new[] { name, position, phone, email }.Where(p => !string.IsNullOrEmpty(p)));
    public abstract string PersonAskUpdate(string client, string person);
    public abstract string PersonPartUnclear(string part);
    public string PersonUndoAdded(string client, string person) => string.Format(Culture, PersonUndoAddedFormat, client, person);
    public string PersonUndoRemoved(string client, string person) => string.Format(Culture, PersonUndoRemovedFormat, client, person);
    public string PersonUndoEdited(string client, string person) => string.Format(Culture, PersonUndoEditedFormat, client, person);
    protected abstract string PersonUndoAddedFormat { get; }
    protected abstract string PersonUndoRemovedFormat { get; }
    protected abstract string PersonUndoEditedFormat { get; }

    // /card additions
    public abstract string CardCity(string city);
    public abstract string CardNote(string note);
    public abstract string CardPersonsHeader(int count);
    public abstract string CardClosedHeader(int total);
    public abstract string CardClosedDeal(int number, string title, bool won, decimal amount, string currency, string date);
    public abstract string CardLifetime(string paid, string won);

    // /history
    public abstract string AskHistoryClient();
    public abstract string HistoryHeader(string client, int page, int pages);
    public abstract string HistoryEmpty(string client);
    public abstract string HistoryPersons(IReadOnlyList<string> persons);
    public abstract string HistoryTouch(string date, string workType, string note, string? by);
    public abstract string HistoryPlanned(string date, string workType, string note, bool overdue);
    public abstract string HistoryDealOpened(string date, int number, string title, decimal amount, string currency, string stage);
    public abstract string HistoryDealMoved(string date, int number, string from, string to);
    public abstract string HistoryDealWon(string date, int number, decimal amount, string currency);
    public abstract string HistoryDealLost(string date, int number, string? reason);
    public abstract string HistoryDealReopened(string date, int number, string stage);
    public abstract string HistoryPayment(string date, int number, decimal amount, string currency);
    public abstract string HistoryInvoice(string date, int number, decimal amount, string currency, string due);
    public abstract string HistoryShipment(string date, int number);
    public abstract string HistoryShipmentDue(string date, int number, string due);
    public abstract string HistoryEdited(string date, string field, string value, string? by);
    public abstract string HistoryEditUndone(string date, string? by);
    public abstract string HistoryPersonAdded(string date, string person, string? by);
    public abstract string HistoryPersonEdited(string date, string before, string after, string? by);
    public abstract string HistoryPersonRemoved(string date, string person, string? by);
    public abstract string HistoryPersonUndone(string date, string person, string? by);

    // /merge
    public abstract string AskMergeClients();
    public abstract string AskMergeSecond(string first);
    public abstract string MergeSameClient(string client);
    public abstract string MergeWhichToKeep(string first, string second);
    public string KeepButton(string client) => string.Format(Culture, KeepButtonFormat, client);
    protected abstract string KeepButtonFormat { get; }
    public abstract string MergeConfirm(string from, string into, int touches, int planned, int deals, int persons);
    public abstract string MergeButton { get; }
    public abstract string MergeDone(string from, string into, int touches, int deals, int persons, IReadOnlyList<string> leftOut);
    public string MergeUndoDescription(string from, string into) => string.Format(Culture, MergeUndoFormat, from, into);
    protected abstract string MergeUndoFormat { get; }
}
