using Humanizer;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddClientDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["client"] = new("новый клиент", "/client &lt;название&gt;[, телефон][, e-mail][, #сегмент]", "/client ООО Ромашка, 8 900 123-45-67, info@romashka.ru");
        docs["clients"] = new("мои клиенты и поиск", "/clients [часть названия, телефона или e-mail]", "/clients ромаш");
        docs["card"] = new("карточка клиента", "/card &lt;клиент&gt;", "/card Ромашка");
        docs["call"] = new("записать звонок", "/call &lt;клиент&gt; [заметка] [далее &lt;когда&gt;] [дата &lt;когда было&gt;]", "/call Ромашка обсудили цену далее пт 15:00");
        docs["meet"] = new("записать встречу", "/meet &lt;клиент&gt; [заметка] [далее &lt;когда&gt;] [дата &lt;когда было&gt;]", "/meet Ромашка показали образцы далее через 3 дня");
        docs["demo"] = new("записать демонстрацию", "/demo &lt;клиент&gt; [заметка] [далее &lt;когда&gt;] [дата &lt;когда было&gt;]", "/demo Ромашка дата вчера 16:00");
        docs["email"] = new("записать письмо", "/email &lt;клиент&gt; [заметка] [далее &lt;когда&gt;] [дата &lt;когда было&gt;]", "/email Ромашка отправили КП далее завтра");
        docs["log"] = new("записать касание любого вида", "/log &lt;вид работы&gt; &lt;клиент&gt; [заметка] [далее &lt;когда&gt;] [дата &lt;когда было&gt;]", "/log demo Ромашка далее в понедельник 11:00");
        docs["plan"] = new("запланировать контакт", "/plan &lt;клиент&gt; &lt;когда&gt; [вид работы] [заметка]", "/plan Ромашка завтра 15:00 встреча обсудить договор");
        docs["today"] = new("мой план на сегодня", "/today", "/today");
        docs["week"] = new("мой план на неделю", "/week", "/week");
        docs["forgotten"] = new("забытые клиенты", "/forgotten", "/forgotten");
    }

    public override string Tomorrow => "Завтра";
    public override string InThreeDays => "Через 3 дня";
    public override string NextWeek => "След. неделя";
    public override string PickDate => "📅 Другая дата";
    public override string NoNextContact => "Не планировать";
    public override string CardButton => "🗂 Карточка";
    public override string TodayButton => "📋 План на сегодня";
    public override string LogCallButton => "📞 Звонок";
    public override string PlanButton => "📅 Запланировать";
    public override string NewDealButton => "💼 Сделка";
    public override string WithoutNoteButton => "✅ Без заметки";
    public override string RefreshButton => "🔄 Обновить";
    public override string WithoutSegmentButton => "Без сегмента";
    public override string CreateAnywayButton => "➕ Всё равно создать";

    public override string Ago(DateTime utc, DateTime nowUtc) =>
        utc.Humanize(utcDate: true, dateToCompareAgainst: nowUtc, culture: Ru);

    public override string AndMore(int count) => $"…и ещё {count}";

    public override string AskClientName() =>
        "Как называется клиент? Можно сразу с контактами: <i>Ромашка, 8 900 123-45-67, info@romashka.ru</i>";

    public override string ClientCreated(string client, string contacts, string? segment) =>
        $"✅ Клиент {Bold(client)} создан"
        + (segment is null ? "" : $", сегмент #{Escape(segment)}")
        + (contacts.Length == 0 ? "." : $".\n📇 {Escape(contacts)}")
        + "\nЧто дальше?";

    protected override string ClientUndoFormat => "клиент «{0}» создан";

    public override string SegmentUnknown(string segment, bool othersExist) =>
        $"Сегмента «#{Escape(segment)}» нет. " + (othersExist ? "Выберите сегмент или создайте клиента без него:" : "Создать клиента без сегмента?");

    public override string DuplicateHeader(string client) => $"🔎 Похоже, «{Escape(client)}» уже есть:";

    public override string DuplicateLine(string client, string contacts, string? owner, bool mine, bool samePhone, bool sameEmail)
    {
        var why = samePhone && sameEmail ? "тот же телефон и e-mail" : samePhone ? "тот же телефон" : sameEmail ? "тот же e-mail" : "похожее название";
        var whose = mine ? "ваш клиент" : owner is null ? Unassigned : $"ведёт {Escape(owner)}";
        return $"• {Bold(client)}{(contacts.Length == 0 ? "" : $" ({Escape(contacts)})")} — {why}, {whose}";
    }

    public override string Unassigned => "без менеджера";

    public override string DuplicateRefused(string client) => $"⚠️ Клиент «{Escape(client)}» не создан:";

    public override string DuplicateElsewhere(string? owner, bool samePhone, bool sameEmail)
    {
        var why = samePhone && sameEmail ? "совпадают телефон и e-mail" : samePhone ? "совпадает телефон" : sameEmail ? "совпадает e-mail" : "совпадает название";
        var whose = owner is null ? "он без менеджера" : $"его ведёт {Escape(owner)}";
        return $"• Такой клиент уже есть — {whose} ({why}). Обратитесь к руководителю.";
    }

    public override string DuplicateQuestion() => "Открыть существующего или всё равно создать нового?";

    public override string NoClients() => "У вас пока нет клиентов. Добавить: /client Ромашка, 8 900 123-45-67";

    public override string ClientsHeader(int total, int page, int pages, bool everyone) =>
        $"👥 <b>{(everyone ? "Все клиенты" : "Мои клиенты")}</b>: {Plural.Ru(total, "клиент", "клиента", "клиентов")}" + (pages > 1 ? $" (стр. {page}/{pages})" : "");

    public override string ClientsFound(string query, int total) =>
        $"🔎 «{Escape(query)}»: {Plural.Ru(total, "клиент", "клиента", "клиентов")}";

    public override string ClientsNotFound(string query) =>
        $"🔎 По «{Escape(query)}» никого не нашёл — ни по названию, ни по телефону, ни по e-mail. Все клиенты: /clients";

    protected override string NoTouchesShort => "касаний не было";

    public override string ClientsHint() => "Нажмите номер, чтобы открыть карточку.";

    public override string CardHeader(string client, string? segment, string? owner, string created) =>
        $"🗂 {Bold(client)}" + (segment is null ? "" : $" · #{Escape(segment)}")
        + $"\n👤 {Escape(owner ?? Unassigned)} · создан {Escape(created)}";

    public override string CardNoDeals() => "💼 Открытых сделок нет.";

    public override string CardDealsHeader(int total) => $"💼 <b>Открытые сделки</b> ({total}):";

    public override string CardDeal(int number, string title, string stage, decimal amount, string currency, int daysInStage) =>
        $"#{number} «{Escape(title)}» — {Escape(stage)}, {Money(amount, currency)}, {Plural.Ru(daysInStage, "день", "дня", "дней")} на этапе";

    public override string CardNoTouches() => "🕑 Касаний ещё не было.";

    public override string CardTouchesHeader() => "🕑 <b>Последние касания</b>:";

    public override string CardNoNext() => "📅 Следующий контакт не запланирован.";

    public override string CardNext(string workType, string when, bool overdue, string note) =>
        $"{(overdue ? "⚠️ Просрочен" : "📅 Следующий")} контакт: {Escape(workType)}, {Escape(when)}" + (note.Length == 0 ? "" : $" — {Escape(note)}");

    public override string AskTouchClient(string workType) =>
        $"{Escape(workType)}: с каким клиентом? Напишите название, можно сразу с заметкой и «далее завтра 15:00».";

    public override string AskTouchNote(string workType, string client) =>
        $"{Escape(workType)}: {Bold(client)}. Что обсудили? Напишите заметку — можно добавить «далее пт 15:00».";

    public override string AskWorkType() => "Какой вид работы записать?";

    public override string WorkTypeUnknown(string workType, IReadOnlyList<string> codes) =>
        $"Вида работы «{Escape(workType)}» нет."
        + (codes.Count == 0 ? " Попросите администратора добавить его: /worktypes" : $" Есть: {Escape(string.Join(", ", codes))}.");

    public override string TouchLogged(string workType, string client, string? backDatedTo, string? next) =>
        $"✅ {Escape(workType)}: {Escape(client)}"
        + (backDatedTo is null ? "" : $" ({Escape(backDatedTo)})")
        + (next is null ? "" : $" — далее {Escape(next)}");

    public override string AskNextContact(string client) => $"Когда следующий контакт с {Bold(client)}?";

    public override string NextContactAlready(string when) => $"📅 Следующий контакт уже в плане: {Escape(when)}.";

    public override string NoNextContactSet(string client) => $"Хорошо, без следующего контакта с {Bold(client)}.";

    public override string AskPlanClient() => "С каким клиентом запланировать контакт? Например: <i>Ромашка завтра 15:00</i>";

    public override string AskWhen(string client) =>
        $"Когда связаться с {Bold(client)}? Выберите или напишите: <i>пт 15:00</i>, <i>через 3 дня</i>, <i>25.12 в 11</i>.";

    public override string WhenNotUnderstood(string text) =>
        $"Не понял, когда: «{Escape(text)}». Напишите, например, <i>завтра 15:00</i>, <i>пт</i> или <i>через 3 дня</i> — или выберите:";

    public override string ContactPlanned(string workType, string client, string when, bool overdue) =>
        $"📅 {Escape(workType)}: {Escape(client)} — {Escape(when)}" + (overdue ? "\n⚠️ Это время уже прошло — контакт сразу в просроченных." : "");

    protected override string PlanUndoFormat => "в плане: {0} — {1}";

    protected override string MoveUndoFormat => "перенос: {0} — {1}";

    public override string AskDeal(string client) =>
        $"💼 Сделка с {Bold(client)}: напишите сумму и, если нужно, название — например <i>150к поставка станков</i>.";

    public override string TodayHeader(string date) => $"📋 <b>План на сегодня</b>, {Escape(date)}";

    public override string WeekHeader() => "📋 <b>План на неделю</b>";

    public override string OverdueHeader(int total) => $"⚠️ <b>Просрочено</b> ({total}):";

    public override string PlannedTodayHeader(int total) => $"📅 <b>Сегодня</b> ({total}):";

    public override string PlannedWeekHeader(int total) => $"📅 <b>Запланировано на 7 дней</b> ({total}):";

    public override string NothingPlanned() => "ничего — запланировать: /plan Ромашка завтра 15:00";

    public override string PlanButtonsHint() => "✅ — сделано, ⏰ — перенести на день (у забытых — звонок завтра).";

    public override string ForgottenHeader(int total) => $"💤 <b>Забытые клиенты</b> ({total}):";

    public override string ForgottenLine(int number, string client, int daysSilent) =>
        $"{number}. {Bold(client)} — без контакта {Plural.Ru(daysSilent, "день", "дня", "дней")}";

    public override string ForgottenButtonsHint() => "📞 — записать звонок, 📅 — запланировать контакт.";

    public override string NoForgotten(int days) =>
        $"💤 Забытых клиентов нет: со всеми, у кого открыта сделка, был контакт за последние {Plural.Ru(days, "день", "дня", "дней")}.";

}
