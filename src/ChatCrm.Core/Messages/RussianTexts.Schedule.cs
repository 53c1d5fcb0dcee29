using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string PlanHeader(DateTime localDate) => $"☀️ <b>План на {localDate.ToString("d MMMM, dddd", Ru)}</b>";
    public override string PlanToday(int count) => $"📞 <b>Сегодня</b> ({count})";
    public override string PlanOverdue(int count) => $"⏰ <b>Просрочено</b> ({count})";
    public override string PlanForgotten(int count) => $"💤 <b>Забытые клиенты</b> ({count})";
    public override string PlanStuck(int count) => $"🐢 <b>Сделки засиделись на этапе</b> ({count})";

    public override string PlanContactLine(DateTime local, string client, string workType, string note) =>
        $"• {Time(local)} {Escape(workType)}: {Bold(client)}{SchNote(note)}";

    public override string PlanOverdueLine(DateTime plannedLocal, string client, string workType) =>
        $"• {Escape(workType)}: {Bold(client)} — было на {plannedLocal.ToString("d MMMM", Ru)}";

    public override string PlanForgottenLine(string client, int days) => $"• {Bold(client)} — без касаний {SchDays(days)}";

    public override string PlanStuckLine(int deal, string title, string stage, int days, int allowed) =>
        $"• #{deal} {Escape(title)} — «{Escape(stage)}» {SchDays(days)} (норма {allowed})";

    public override string PlanNorm => "🎯 Норма на сегодня:";
    public override string PlanNormItem(string workType, int count) => $"{Escape(workType.ToLowerInvariant())} {count}";
    public override string PlanNothing() => "На сегодня ничего не запланировано. Самое время позвонить клиентам: /clients";
    public override string PlanAndMore(int more) => $"…и ещё {more}";

    public override string ContactReminder(DateTime local, string client, string workType, string note, string phone) =>
        $"🔔 В {Time(local)} — {Escape(workType.ToLowerInvariant())}: {Bold(client)}{SchNote(note)}"
        + (string.IsNullOrEmpty(phone) ? "" : $"\n📱 {Escape(phone)}");

    public override string InHourButton => "⏰ Через час";
    public override string TomorrowButton => "Завтра";
    public override string InDaysButton(int days) => $"Через {SchDays(days)}";
    public override string RescheduleButton => "📅 Перенести";
    public override string RescheduleAsk(string client) => $"На когда перенести контакт с {Bold(client)}?";
    public override string AlreadyHandled() => "Это уже сделано — кнопка устарела.";

    public override string Nudge(string client, int days, int deal, string title, decimal amount, string stage) =>
        $"💤 {Bold(client)}: без касаний {SchDays(days)}.\nОткрытая сделка #{deal} {Escape(title)} — {SchAmount(amount)}, этап «{Escape(stage)}».\nЧто делаем?";

    public override string SnoozeButton => "😴 Отложить";
    public override string HandOverButton => "🤝 Передать";
    public override string CallLogged(string client) => $"✅ Звонок клиенту {Bold(client)} записан.";
    public override string PlanAsk(string client) => $"Когда следующий контакт с {Bold(client)}?";
    public override string NudgeContactPlanned(string client, DateTime local) => $"📅 {Bold(client)}: контакт запланирован на {Date(local)}.";
    public override string SnoozeAskReason(string client) => $"Почему откладываем {Bold(client)}?";

    public override string SnoozeReasonName(SnoozeReason reason) => reason switch
    {
        SnoozeReason.AskedToWait => "Клиент просил позже",
        SnoozeReason.WaitingForThem => "Ждём их решения",
        SnoozeReason.Seasonal => "Не сезон / отпуск",
        _ => reason.ToString(),
    };

    public override string SnoozeAskUntil(string client, SnoozeReason reason) =>
        $"{Bold(client)} — {SnoozeReasonName(reason).ToLowerInvariant()}. До какого числа не напоминать?";

    public override string Snoozed(string client, SnoozeReason reason, DateTime untilLocal) =>
        $"😴 {Bold(client)} отложен до {untilLocal.ToString("d MMMM", Ru)}: {SnoozeReasonName(reason).ToLowerInvariant()}.";

    public override string LostAsk(string client) => $"Почему проиграли {Bold(client)}?";

    public override string ClientLost(string client, int deals, string reason) =>
        $"❌ {Bold(client)}: {Plural.Ru(deals, "сделка закрыта", "сделки закрыты", "сделок закрыто")} как проигранные — {Escape(reason)}.";

    public override string HandOverAsk(string client) => $"Кому передать {Bold(client)}?";
    public override string HandedOver(string client, string to) => $"🤝 {Bold(client)} передан: {Bold(to)}.";
    public override string HandedToYou(string client, string from) => $"🤝 {Bold(from)} передал вам клиента {Bold(client)} с открытыми сделками.";
    public override string NobodyToHandTo() => "Передать некому: других активных менеджеров нет.";

    public override string Escalation(string client, string manager, int days, int nudges) =>
        $"🚨 {Bold(client)} забыт: {Bold(manager)} не отвечает на напоминания {SchDays(days)} ({Plural.Ru(nudges, "напоминание", "напоминания", "напоминаний")}).\n<b>История:</b>";

    public override string EscalationTouch(DateTime local, string workType, string note) =>
        $"• {local.ToString("d MMMM", Ru)} — {Escape(workType.ToLowerInvariant())}{SchNote(note)}";

    public override string EscalationNoHistory() => "• касаний не было ни разу";
    public override string ReassignButton => "🔁 Передать другому";

    public override string PaymentDue(int deal, string title, decimal amount, DateTime dueLocal) =>
        $"💳 Сегодня срок оплаты по сделке #{deal} {Escape(title)}: {SchAmount(amount)} (до {dueLocal.ToString("d MMMM", Ru)}).";

    public override string PaymentOverdue(int deal, string title, decimal amount, DateTime dueLocal, int days) =>
        $"⚠️ Оплата по сделке #{deal} {Escape(title)} просрочена на {SchDays(days)}: {SchAmount(amount)}, срок был {dueLocal.ToString("d MMMM", Ru)}.";

    public override string PaymentOverdueToHead(string manager, int deal, string title, decimal amount, DateTime dueLocal, int days) =>
        $"🚨 {Bold(manager)}: оплата по сделке #{deal} {Escape(title)} просрочена на {SchDays(days)} — {SchAmount(amount)}, срок был {dueLocal.ToString("d MMMM", Ru)}.";

    public override string ShipmentDue(int deal, string title, DateTime paidLocal) =>
        $"📦 Сделка #{deal} {Escape(title)} оплачена {paidLocal.ToString("d MMMM", Ru)}, а отгрузки нет. Отметьте: /shipped {deal}";
    public override string ShipmentOverdue(int deal, string title, DateTime dueLocal, int days) =>
        $"⚠️ Отгрузка по сделке #{deal} {Escape(title)} просрочена на {SchDays(days)}: срок был {dueLocal.ToString("d MMMM", Ru)}. Отгрузили — отметьте: /shipped {deal}";

    public override string ShipmentOverdueToHead(string manager, int deal, string title, DateTime dueLocal, int days) =>
        $"🚨 {Bold(manager)}: отгрузка по сделке #{deal} {Escape(title)} просрочена на {SchDays(days)}, срок был {dueLocal.ToString("d MMMM", Ru)}.";


    public override string DigestDaily(DateTime localDate) => $"📊 <b>Итоги дня — {localDate.ToString("d MMMM, dddd", Ru)}</b>";

    public override string DigestWeekly(DateTime fromLocal, DateTime toLocal) =>
        $"📈 <b>Итоги недели — {fromLocal.ToString("d MMMM", Ru)} – {toLocal.ToString("d MMMM", Ru)}</b>";

    public override string DigestMonthly(DateTime fromLocal, DateTime toLocal) =>
        $"🗓 <b>Итоги месяца — {fromLocal.ToString("d MMMM", Ru)} – {toLocal.ToString("d MMMM", Ru)}</b>";

    public override string DigestExceptions => "<b>Внимание</b>";
    public override string DigestSilent(string names) => $"🔇 Ни одного касания: {Escape(names)}";

    public override string DigestLostLine(int deal, string title, string manager, decimal amount, string reason) =>
        $"❌ #{deal} {Escape(title)} ({Escape(manager)}) — {SchAmount(amount)}, причина: {Escape(reason)}";

    public override string DigestRottingLine(int deal, string title, string manager, decimal amount, string stage, int days) =>
        $"🐢 #{deal} {Escape(title)} ({Escape(manager)}) — {SchAmount(amount)}, «{Escape(stage)}» {SchDays(days)}";

    public override string DigestNoExceptions => "✅ Без происшествий.";
    public override string DigestManagers(int page, int pages) => pages > 1 ? $"<b>Менеджеры</b> (стр. {page}/{pages})" : "<b>Менеджеры</b>";

    public override string DigestManagerLine(string name, int done, int planned, int newDeals, int moves,
        int won, decimal wonSum, int lost, string lostReasons, decimal paid, int forgotten, int overdue) =>
        $"👤 {Bold(name)}: касаний {done}/{planned}, новых сделок {newDeals}, переходов {moves}, "
        + $"выиграно {won} на {SchAmount(wonSum)}, проиграно {lost}{(lostReasons.Length > 0 ? $" ({Escape(lostReasons)})" : "")}, "
        + $"оплачено {SchAmount(paid)}; забытых {forgotten}, просрочено {overdue}";

    public override string DigestTeam(int done, int planned, int newDeals, int won, decimal wonSum, int lost, decimal paid) =>
        $"<b>Отдел:</b> касаний {done}/{planned}, новых сделок {newDeals}, выиграно {won} на {SchAmount(wonSum)}, проиграно {lost}, оплачено {SchAmount(paid)}";

    public override string DigestNoManagers() => "В отделе пока нет менеджеров. Пригласить: /invite manager";
    public override string WeekVsPrevious => "<b>Неделя к прошлой</b>";
    public override string MonthVsPrevious => "<b>Месяц к тем же дням прошлого</b>";
    public override string WeekTouches(int now, int before) => $"Касаний: {now} ({SchDelta(now - before)})";
    public override string WeekNewDeals(int now, int before) => $"Новых сделок: {now} ({SchDelta(now - before)})";

    public override string WeekWon(int now, decimal sum, int before, decimal sumBefore) =>
        $"Выиграно: {now} на {SchAmount(sum)} (было {before} на {SchAmount(sumBefore)})";

    public override string WeekLost(int now, int before) => $"Проиграно: {now} ({SchDelta(now - before)})";

    public override string WeekWinRate(int? percent, int? before) =>
        $"Доля выигранных: {(percent is { } p ? $"{p}%" : "—")} (было {(before is { } b ? $"{b}%" : "—")})";

    public override string WeekDuration(double? days, double? before) =>
        $"Средняя длительность сделки: {SchDaysD(days)} (было {SchDaysD(before)})";

    public override string WeekPaid(decimal now, decimal before) => $"Оплачено: {SchAmount(now)} (было {SchAmount(before)})";
    public override string WeekConversion => "<b>Конверсия по этапам</b>";

    public override string WeekConversionLine(string stage, int exits, int forward) =>
        $"• {Escape(stage)}: {(exits == 0 ? "—" : $"{forward * 100 / exits}%")} ({forward} из {exits} пошли дальше)";

    public override string WeekForecast(decimal weighted, decimal target) =>
        $"🔮 Прогноз (взвешенная воронка): {SchAmount(weighted)} при плане месяца {SchAmount(target)}"
        + (target > 0 ? $" — {(int)Math.Round(weighted * 100 / target, MidpointRounding.AwayFromZero)}%" : "");

    public override string WeekReceivables(decimal owed, int overdueCount, decimal overdue) =>
        $"💳 Дебиторка: {SchAmount(owed)}, из них просрочено {Plural.Ru(overdueCount, "счёт", "счёта", "счетов")} на {SchAmount(overdue)}";

    public override string FunnelTitle => "Воронка: открытые сделки по этапам";
    public override string FunnelCaption(int deals, decimal amount) => $"Воронка: {Plural.Ru(deals, "открытая сделка", "открытые сделки", "открытых сделок")} на {SchAmount(amount)}";
    public override string DigestPageButton(int page) => $"Стр. {page}";
    public override string DigestUnknownArgs(string args) => $"Не понял «{Escape(args)}». Сводка за сегодня — /digest, за неделю — /digest week, за месяц — /digest month.";

    protected override void AddScheduleDocs(IDictionary<string, CommandDoc> docs) =>
        docs["digest"] = new("сводка по отделу прямо сейчас", "/digest [week|month]", "/digest month");

    private static string SchNote(string note) => string.IsNullOrWhiteSpace(note) ? "" : $" — {Escape(note)}";

    private static string SchDays(int days) => Plural.Ru(days, "день", "дня", "дней");

    private static string SchDaysD(double? days) => days is { } d ? $"{d.ToString("0.#", Ru)} дн." : "—";

    private static string SchDelta(int delta) => delta > 0 ? $"+{delta}" : delta < 0 ? $"−{-delta}" : "без изменений";

    private static string SchAmount(decimal amount) => amount.ToString("#,0.##", Ru);
}
