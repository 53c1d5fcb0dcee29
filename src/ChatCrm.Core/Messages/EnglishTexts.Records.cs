using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string EditFieldName => "name";
    public override string EditFieldPhone => "phone";
    public override string EditFieldEmail => "e-mail";
    public override string EditFieldSegment => "segment";
    public override string EditFieldCity => "city";
    public override string EditFieldNote => "note";
    public override string RenameAnywayButton => "✏️ Rename anyway";
    public override string MergeButton => "🔗 Merge";

    protected override string EditUndoFormat => "“{0}” edited: {1}";
    protected override string PersonUndoAddedFormat => "contact person {1} added to “{0}”";
    protected override string PersonUndoRemovedFormat => "contact person {1} removed from “{0}”";
    protected override string PersonUndoEditedFormat => "contact person {1} of “{0}” changed";
    protected override string KeepButtonFormat => "Keep “{0}”";
    protected override string MergeUndoFormat => "“{0}” merged into “{1}”";

    protected override void AddRecordDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["edit"] = new("edit a client's details",
            "/edit &lt;client&gt; name|phone|email|segment|city|note &lt;value&gt; (for phone and email «- value» removes one; «-» clears)",
            "/edit Acme phone +44 20 7946 0958");
        docs["person"] = new("a client's contact persons", "/person &lt;client&gt; &lt;name&gt;[, role][, phone][, e-mail]", "/person Acme John Smith, buyer, +44 20 7946 0958");
        docs["history"] = new("a client's whole history", "/history &lt;client&gt;", "/history Acme");
        docs["merge"] = new("merge two duplicate clients", "/merge &lt;client&gt; &lt;duplicate&gt;", "/merge Acme Acme Ltd");
    }

    public override string AskEditClient() => "Which client do you want to edit? Type a name, phone or e-mail.";

    public override string EditWhichField(string client) => $"✏️ {Bold(client)}: what to change?";

    public override string EditAskValue(string client, string field, bool list) =>
        $"✏️ {Bold(client)}, {Escape(field)}: type the new value."
        + (list ? " To add, just the number or address; to remove, «- value»." : " «-» clears it.");

    public override string EditUnknownField(string field) =>
        $"I don't know the field “{Escape(field)}”. Fields: name, phone, email, segment, city, note. Example: /edit Acme city Leeds";

    public override string EditDone(string client, string field, string value) =>
        $"✏️ {Bold(client)}: {Escape(field)} is now " + (value.Length == 0 ? "<i>not set</i>" : Escape(value));

    public override string EditAlreadyThere(string client, string value) => $"{Bold(client)} already has {Escape(value)}; nothing changed.";

    public override string EditNotThere(string client, string value) => $"{Bold(client)} has no “{Escape(value)}”; nothing changed.";

    public override string EditSegmentUnknown(string segment, IReadOnlyList<string> segments) =>
        $"There is no segment “#{Escape(segment)}”; nothing changed."
        + (segments.Count == 0 ? " An admin adds segments: /segments" : $" There are: {Escape(string.Join(", ", segments.Select(s => "#" + s)))}. «-» means none.");

    public override string EditRenameTaken(string client, string newName) =>
        $"⚠️ {Bold(client)} was not renamed: “{Escape(newName)}” already exists:";

    public override string AskPersonClient() => "Which client gets a contact person? Type: <i>Acme John Smith, buyer, +44 20 7946 0958</i>";

    public override string PersonFormat() =>
        "Type the contact person: <i>name[, role][, phone][, e-mail]</i>, e.g. <i>John Smith, buyer, +44 20 7946 0958</i>";

    public override string PersonAdded(string client, string person) => $"👤 {Bold(client)}: contact person {Escape(person)} added";

    public override string PersonUpdated(string client, string person) => $"👤 {Bold(client)}: the contact person is now {Escape(person)}";

    public override string PersonRemoved(string client, string person) => $"🗑 {Bold(client)}: contact person {Escape(person)} removed. To bring back: /undo";

    public override string PersonGone() => "This contact person is no longer there.";

    public override string PersonsHeader(string client, int count) => $"👥 {Bold(client)}: {Plural.En(count, "contact person", "contact persons")}";

    public override string NoPersons(string client) => $"{Bold(client)} has no contact persons. To add: /person {Escape(client)} John Smith, buyer, +44 20 7946 0958";

    public override string PersonAskUpdate(string client, string person) =>
        $"✏️ {Bold(client)}, {Escape(person)}: type it anew: <i>name[, role][, phone][, e-mail]</i>.";

    public override string PersonPartUnclear(string part) =>
        $"I didn't understand “{Escape(part)}”: after the name come a role, a phone and an e-mail (one each). Nothing changed.";

    public override string CardCity(string city) => $"🏙 City: {Escape(city)}";

    public override string CardNote(string note) => $"📝 Note: {Escape(note)}";

    public override string CardPersonsHeader(int count) => $"👥 <b>Contact persons</b> ({count}):";

    public override string CardClosedHeader(int total) => $"🏁 <b>Closed deals</b> ({total}):";

    public override string CardClosedDeal(int number, string title, bool won, decimal amount, string currency, string date) =>
        $"#{number} “{Escape(title)}” — {(won ? "✅ won" : "❌ lost")}, {Money(amount, currency)}, {Escape(date)}";

    public override string CardLifetime(string paid, string won) =>
        $"💰 Paid over all time: {Escape(paid)} · deals won worth {Escape(won)}";

    public override string AskHistoryClient() => "Whose history should I show? Type a name, phone or e-mail.";

    public override string HistoryHeader(string client, int page, int pages) =>
        $"📜 <b>History</b> of {Bold(client)}" + (pages > 1 ? $" (page {page}/{pages})" : "");

    public override string HistoryEmpty(string client) => $"📜 {Bold(client)} has no history yet: no touches, no deals.";

    public override string HistoryPersons(IReadOnlyList<string> persons) => $"👥 Contact persons: {Escape(string.Join("; ", persons))}";

    public override string HistoryTouch(string date, string workType, string note, string? by) =>
        $"{Escape(date)} · ✅ {Escape(workType)}" + (by is null ? "" : $" by {Escape(by)}") + (note.Length == 0 ? "" : $" — {Escape(note)}");

    public override string HistoryPlanned(string date, string workType, string note, bool overdue) =>
        $"{Escape(date)} · {(overdue ? "⚠️ overdue" : "📅 planned")}: {Escape(workType)}" + (note.Length == 0 ? "" : $" — {Escape(note)}");

    public override string HistoryDealOpened(string date, int number, string title, decimal amount, string currency, string stage) =>
        $"{Escape(date)} · 💼 deal #{number} “{Escape(title)}” opened: {Money(amount, currency)}, {Escape(stage)}";

    public override string HistoryDealMoved(string date, int number, string from, string to) =>
        $"{Escape(date)} · ➡️ #{number} moved: {Escape(from)} → {Escape(to)}";

    public override string HistoryDealWon(string date, int number, decimal amount, string currency) =>
        $"{Escape(date)} · 🏆 #{number} won: {Money(amount, currency)}";

    public override string HistoryDealLost(string date, int number, string? reason) =>
        $"{Escape(date)} · ❌ #{number} lost" + (reason is null ? "" : $": {Escape(reason)}");

    public override string HistoryDealReopened(string date, int number, string stage) =>
        $"{Escape(date)} · 🔄 #{number} reopened: {Escape(stage)}";

    public override string HistoryPayment(string date, int number, decimal amount, string currency) =>
        $"{Escape(date)} · 💰 payment on #{number}: {Money(amount, currency)}";

    public override string HistoryInvoice(string date, int number, decimal amount, string currency, string due) =>
        $"{Escape(date)} · 🧾 invoice on #{number}: {Money(amount, currency)}, due {Escape(due)}";

    public override string HistoryShipment(string date, int number) => $"{Escape(date)} · 📦 shipment on #{number}";

    public override string HistoryShipmentDue(string date, int number, string due) =>
        $"{Escape(date)} · 📦 shipment on #{number} promised by {Escape(due)}";

    public override string HistoryEdited(string date, string field, string value, string? by) =>
        $"{Escape(date)} · ✏️ {Escape(field)}: " + (value.Length == 0 ? "<i>not set</i>" : Escape(value)) + ByEn(by);

    public override string HistoryEditUndone(string date, string? by) => $"{Escape(date)} · ↩️ an edit of the details undone" + ByEn(by);

    public override string HistoryPersonAdded(string date, string person, string? by) =>
        $"{Escape(date)} · 👤 contact person added: {Escape(person)}" + ByEn(by);

    public override string HistoryPersonEdited(string date, string before, string after, string? by) =>
        $"{Escape(date)} · 👤 contact person changed: {Escape(before)} → {Escape(after)}" + ByEn(by);

    public override string HistoryPersonRemoved(string date, string person, string? by) =>
        $"{Escape(date)} · 👤 contact person removed: {Escape(person)}" + ByEn(by);

    public override string HistoryPersonUndone(string date, string person, string? by) =>
        $"{Escape(date)} · ↩️ a change of contact person {Escape(person)} undone" + ByEn(by);

    private static string ByEn(string? by) => by is null ? "" : $" (by {Escape(by)})";

    public override string AskMergeClients() => "Which clients should I merge? Name two: <i>/merge Acme Acme Ltd</i> — the second goes into the first.";

    public override string AskMergeSecond(string first) => $"Merge {Bold(first)} with whom? Type the second client.";

    public override string MergeSameClient(string client) => $"That is one and the same client, {Bold(client)}. Name two different ones.";

    public override string MergeWhichToKeep(string first, string second) =>
        $"🔗 {Bold(first)} and {Bold(second)}: which one to keep? The other goes into it and is deleted.";

    public override string MergeConfirm(string from, string into, int touches, int planned, int deals, int persons) =>
        $"🔗 Merge “{Escape(from)}” into “{Escape(into)}”: {Plural.En(touches, "touch", "touches")}, "
        + $"{Plural.En(planned, "planned contact", "planned contacts")}, {Plural.En(deals, "deal", "deals")}, "
        + $"{Plural.En(persons, "contact person", "contact persons")}? “{Escape(from)}” will be deleted.";

    public override string MergeDone(string from, string into, int touches, int deals, int persons, IReadOnlyList<string> leftOut) =>
        $"🔗 “{Escape(from)}” merged into {Bold(into)}: moved {Plural.En(touches, "touch", "touches")}, "
        + $"{Plural.En(deals, "deal", "deals")}, {Plural.En(persons, "contact person", "contact persons")}."
        + (leftOut.Count == 0 ? "" : $"\n⚠️ Did not fit (at most 5 phones and 5 e-mails): {Escape(string.Join(", ", leftOut))}")
        + "\nTo take it back: /undo";
}
