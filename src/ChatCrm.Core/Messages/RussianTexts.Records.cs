using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddRecordDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["edit"] = new("изменить данные клиента",
            "/edit &lt;клиент&gt; название|телефон|почта|сегмент|город|заметка &lt;значение&gt; (телефон и почту «- значение» убирает, «-» очищает)",
            "/edit Ромашка телефон +7 900 111-22-33");
        docs["person"] = new("контактные лица клиента", "/person &lt;клиент&gt; &lt;имя&gt;[, должность][, телефон][, e-mail]", "/person Ромашка Иван Петров, закупщик, +7 900 111-22-33");
        docs["history"] = new("вся история клиента", "/history &lt;клиент&gt;", "/history Ромашка");
        docs["merge"] = new("объединить двух клиентов-дублей", "/merge &lt;клиент&gt; &lt;клиент-дубль&gt;", "/merge Ромашка Ромашка ООО");
    }

    public override string EditFieldName => "название";
    public override string EditFieldPhone => "телефон";
    public override string EditFieldEmail => "почта";
    public override string EditFieldSegment => "сегмент";
    public override string EditFieldCity => "город";
    public override string EditFieldNote => "заметка";
    public override string RenameAnywayButton => "✏️ Всё равно переименовать";
    public override string MergeButton => "🔗 Объединить";

    public override string AskEditClient() => "Какого клиента изменить? Напишите название, телефон или e-mail.";

    public override string EditWhichField(string client) => $"✏️ {Bold(client)}: что изменить?";

    public override string EditAskValue(string client, string field, bool list) =>
        $"✏️ {Bold(client)}, {Escape(field)}: напишите новое значение."
        + (list ? " Добавить — просто номер или адрес; убрать — «- значение»." : " «-» — очистить.");

    public override string EditUnknownField(string field) =>
        $"Не знаю поля «{Escape(field)}». Можно: название, телефон, e-mail, сегмент, город, заметка. Пример: /edit Ромашка город Казань";

    public override string EditDone(string client, string field, string value) =>
        $"✏️ {Bold(client)} — {Escape(field)}: " + (value.Length == 0 ? "<i>не указано</i>" : Escape(value));

    public override string EditAlreadyThere(string client, string value) => $"У {Bold(client)} уже есть {Escape(value)} — ничего не изменил.";

    public override string EditNotThere(string client, string value) => $"У {Bold(client)} нет «{Escape(value)}» — ничего не изменил.";

    public override string EditSegmentUnknown(string segment, IReadOnlyList<string> segments) =>
        $"Сегмента «#{Escape(segment)}» нет — ничего не изменил."
        + (segments.Count == 0 ? " Сегменты заводит администратор: /segments" : $" Есть: {Escape(string.Join(", ", segments.Select(s => "#" + s)))}. «-» — без сегмента.");

    public override string EditRenameTaken(string client, string newName) =>
        $"⚠️ {Bold(client)} не переименован: «{Escape(newName)}» уже есть:";

    protected override string EditUndoFormat => "изменение «{0}»: {1}";

    public override string AskPersonClient() => "К какому клиенту добавить контактное лицо? Напишите: <i>Ромашка Иван Петров, закупщик, +7 900 111-22-33</i>";

    public override string PersonFormat() =>
        "Напишите контактное лицо: <i>имя[, должность][, телефон][, e-mail]</i>, например <i>Иван Петров, закупщик, +7 900 111-22-33</i>";

    public override string PersonAdded(string client, string person) => $"👤 {Bold(client)}: добавлено контактное лицо {Escape(person)}";

    public override string PersonUpdated(string client, string person) => $"👤 {Bold(client)}: контактное лицо теперь {Escape(person)}";

    public override string PersonRemoved(string client, string person) => $"🗑 {Bold(client)}: контактное лицо {Escape(person)} удалено. Вернуть: /undo";

    public override string PersonGone() => "Этого контактного лица уже нет.";

    public override string PersonsHeader(string client, int count) => $"👥 {Bold(client)}: {Plural.Ru(count, "контактное лицо", "контактных лица", "контактных лиц")}";

    public override string NoPersons(string client) => $"У {Bold(client)} нет контактных лиц. Добавить: /person {Escape(client)} Иван Петров, закупщик, +7 900 111-22-33";

    public override string PersonAskUpdate(string client, string person) =>
        $"✏️ {Bold(client)}, {Escape(person)}: напишите заново <i>имя[, должность][, телефон][, e-mail]</i>.";

    public override string PersonPartUnclear(string part) =>
        $"Не понял «{Escape(part)}»: после имени идут должность, телефон и e-mail (по одному). Ничего не изменил.";

    protected override string PersonUndoAddedFormat => "контактное лицо {1} добавлено к «{0}»";

    protected override string PersonUndoRemovedFormat => "контактное лицо {1} удалено у «{0}»";

    protected override string PersonUndoEditedFormat => "контактное лицо {1} у «{0}» изменено";

    public override string CardCity(string city) => $"🏙 {Escape(city)}";

    public override string CardNote(string note) => $"📝 {Escape(note)}";

    public override string CardPersonsHeader(int count) => $"👥 <b>Контактные лица</b> ({count}):";

    public override string CardClosedHeader(int total) => $"🏁 <b>Закрытые сделки</b> ({total}):";

    public override string CardClosedDeal(int number, string title, bool won, decimal amount, string currency, string date) =>
        $"#{number} «{Escape(title)}» — {(won ? "✅ выиграна" : "❌ проиграна")}, {Money(amount, currency)}, {Escape(date)}";

    public override string CardLifetime(string paid, string won) =>
        $"💰 Оплачено за всё время: {Escape(paid)} · выиграно сделок на {Escape(won)}";

    public override string AskHistoryClient() => "Историю какого клиента показать? Напишите название, телефон или e-mail.";

    public override string HistoryHeader(string client, int page, int pages) =>
        $"📜 <b>История</b> {Bold(client)}" + (pages > 1 ? $" (стр. {page}/{pages})" : "");

    public override string HistoryEmpty(string client) => $"📜 У {Bold(client)} пока нет истории: ни касаний, ни сделок.";

    public override string HistoryPersons(IReadOnlyList<string> persons) => $"👥 Контактные лица: {Escape(string.Join("; ", persons))}";

    public override string HistoryTouch(string date, string workType, string note, string? by) =>
        $"{Escape(date)} · ✅ {Escape(workType)}" + (by is null ? "" : $", вёл(а) {Escape(by)}") + (note.Length == 0 ? "" : $" — {Escape(note)}");

    public override string HistoryPlanned(string date, string workType, string note, bool overdue) =>
        $"{Escape(date)} · {(overdue ? "⚠️ просрочен" : "📅 запланирован")}: {Escape(workType)}" + (note.Length == 0 ? "" : $" — {Escape(note)}");

    public override string HistoryDealOpened(string date, int number, string title, decimal amount, string currency, string stage) =>
        $"{Escape(date)} · 💼 сделка #{number} «{Escape(title)}» открыта: {Money(amount, currency)}, {Escape(stage)}";

    public override string HistoryDealMoved(string date, int number, string from, string to) =>
        $"{Escape(date)} · ➡️ #{number} перешла: {Escape(from)} → {Escape(to)}";

    public override string HistoryDealWon(string date, int number, decimal amount, string currency) =>
        $"{Escape(date)} · 🏆 #{number} выиграна: {Money(amount, currency)}";

    public override string HistoryDealLost(string date, int number, string? reason) =>
        $"{Escape(date)} · ❌ #{number} проиграна" + (reason is null ? "" : $": {Escape(reason)}");

    public override string HistoryDealReopened(string date, int number, string stage) =>
        $"{Escape(date)} · 🔄 #{number} открыта снова: {Escape(stage)}";

    public override string HistoryPayment(string date, int number, decimal amount, string currency) =>
        $"{Escape(date)} · 💰 оплата по #{number}: {Money(amount, currency)}";

    public override string HistoryInvoice(string date, int number, decimal amount, string currency, string due) =>
        $"{Escape(date)} · 🧾 счёт по #{number}: {Money(amount, currency)}, оплатить до {Escape(due)}";

    public override string HistoryShipment(string date, int number) => $"{Escape(date)} · 📦 отгрузка по #{number}";

    public override string HistoryShipmentDue(string date, int number, string due) =>
        $"{Escape(date)} · 📦 отгрузка по #{number} обещана до {Escape(due)}";

    public override string HistoryEdited(string date, string field, string value, string? by) =>
        $"{Escape(date)} · ✏️ {Escape(field)}: " + (value.Length == 0 ? "<i>не указано</i>" : Escape(value)) + ByRu(by);

    public override string HistoryEditUndone(string date, string? by) => $"{Escape(date)} · ↩️ правка данных отменена" + ByRu(by);

    public override string HistoryPersonAdded(string date, string person, string? by) =>
        $"{Escape(date)} · 👤 добавлено контактное лицо {Escape(person)}" + ByRu(by);

    public override string HistoryPersonEdited(string date, string before, string after, string? by) =>
        $"{Escape(date)} · 👤 контактное лицо изменено: {Escape(before)} → {Escape(after)}" + ByRu(by);

    public override string HistoryPersonRemoved(string date, string person, string? by) =>
        $"{Escape(date)} · 👤 удалено контактное лицо {Escape(person)}" + ByRu(by);

    public override string HistoryPersonUndone(string date, string person, string? by) =>
        $"{Escape(date)} · ↩️ отменено изменение контактного лица {Escape(person)}" + ByRu(by);

    private static string ByRu(string? by) => by is null ? "" : $" ({Escape(by)})";

    public override string AskMergeClients() => "Каких клиентов объединить? Напишите двух: <i>/merge Ромашка Ромашка ООО</i> — второй войдёт в первого.";

    public override string AskMergeSecond(string first) => $"С кем объединить {Bold(first)}? Напишите второго клиента.";

    public override string MergeSameClient(string client) => $"Это один и тот же клиент — {Bold(client)}. Назовите двух разных.";

    public override string MergeWhichToKeep(string first, string second) =>
        $"🔗 {Bold(first)} и {Bold(second)}: какого клиента оставить? Второй войдёт в него и будет удалён.";

    protected override string KeepButtonFormat => "Оставить «{0}»";

    public override string MergeConfirm(string from, string into, int touches, int planned, int deals, int persons) =>
        $"🔗 Объединить «{Escape(from)}» в «{Escape(into)}»: {Plural.Ru(touches, "касание", "касания", "касаний")}, "
        + $"{Plural.Ru(planned, "запланированный контакт", "запланированных контакта", "запланированных контактов")}, "
        + $"{Plural.Ru(deals, "сделка", "сделки", "сделок")}, {Plural.Ru(persons, "контактное лицо", "контактных лица", "контактных лиц")}? "
        + $"«{Escape(from)}» будет удалён.";

    public override string MergeDone(string from, string into, int touches, int deals, int persons, IReadOnlyList<string> leftOut) =>
        $"🔗 «{Escape(from)}» объединён с {Bold(into)}: перенесено {Plural.Ru(touches, "касание", "касания", "касаний")}, "
        + $"{Plural.Ru(deals, "сделка", "сделки", "сделок")}, {Plural.Ru(persons, "контактное лицо", "контактных лица", "контактных лиц")}."
        + (leftOut.Count == 0 ? "" : $"\n⚠️ Не поместились (не больше 5 телефонов и 5 e-mail): {Escape(string.Join(", ", leftOut))}")
        + "\nОтменить: /undo";

    protected override string MergeUndoFormat => "«{0}» объединён с «{1}»";
}
