using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    private static string Clients(int n) => Plural.Ru(n, "клиент", "клиента", "клиентов");

    private static string Contacts(int n) => Plural.Ru(n, "запланированный контакт", "запланированных контакта", "запланированных контактов");

    private static string InSegment(string segment) => segment.Length == 0 ? "" : $" сегмента #{Escape(segment)}";

    private static string Work(int clients, int deals, int contacts) =>
        $"{Clients(clients)}, {Deals(deals)} в работе, {Contacts(contacts)}";

    public override string AskWhichManager(string client) => $"Кому передать клиента «{Escape(client)}»?";

    public override string ManagerNotFound(string query) => $"Сотрудника «{Escape(query)}» среди активных нет. Кого вы имели в виду?";

    public override string NoActiveManagers() => "В команде нет активных менеджеров. Пригласите: /invite manager";

    public override string AlreadyAssigned(string client, string manager) => $"Клиента «{Escape(client)}» уже ведёт {Bold(manager)}.";

    public override string ClientAssigned(string client, string manager, int deals, int contacts) =>
        $"✅ {Bold(client)} → {Bold(manager)}. Вместе с клиентом: {Deals(deals)} в работе, {Contacts(contacts)}.";

    public override string ClientAssignedToYou(string client, string by, int deals) =>
        $"📥 {Escape(by)} передал(а) вам клиента {Bold(client)}{(deals > 0 ? $" и {Deals(deals)} в работе" : "")}. Карточка: /card {Escape(client)}";

    public override string SegmentNotFound(string query) => $"Сегмента «{Escape(query)}» нет. Какой вы имели в виду?";

    public override string NoProspects(string segment) =>
        $"Нераспределённых клиентов{InSegment(segment)} нет — раздавать некого.";

    public override string DistributePreview(int prospects, string segment, int managers, bool changed) =>
        (changed ? "⚠️ Пока вы смотрели, список изменился. Вот новый план.\n" : "") +
        $"🧮 Раздать {Clients(prospects)}{InSegment(segment)} {Plural.Ru(managers, "менеджеру", "менеджерам", "менеджерам")} так, чтобы нагрузка выровнялась:";

    public override string DistributeLine(string name, int load, int add) => $"• {Bold(name)}: было {load} → станет {load + add} (+{add})";

    public override string DistributeConfirmButton => "✅ Раздать";

    public override string ProspectsDistributed(int prospects, string segment, int managers) =>
        $"✅ Роздано {Clients(prospects)}{InSegment(segment)}: {Plural.Ru(managers, "менеджер получил", "менеджера получили", "менеджеров получили")} новых клиентов и уведомления.";

    public override string ProspectsReceived(int count, string segment) =>
        $"📥 Вам передано {Clients(count)}{InSegment(segment)}. Список: /clients";

    public override string DeactivateAskSuccessor(string name, int clients, int deals, int contacts) =>
        $"У {Bold(name)}: {Work(clients, deals, contacts)}. Кому их передать перед отключением?";

    public override string DeactivateConfirmHandOver(string name, string successor, int clients, int deals, int contacts) =>
        $"Отключить {Bold(name)} и передать {Bold(successor)}: {Work(clients, deals, contacts)}?";

    public override string UserDeactivatedHandedOver(string name, string successor, int clients, int deals, int contacts) =>
        $"⛔ {Bold(name)} отключён(а). {Bold(successor)} получил(а): {Work(clients, deals, contacts)}. История остаётся за {Escape(name)}.";

    public override string HandedOverToYou(string from, int clients, int deals, int contacts) =>
        $"📥 Вам переданы дела {Bold(from)}: {Work(clients, deals, contacts)}. План — /today, клиенты — /clients";

    public override string TeamHeader(DateTime localDate, int managers) =>
        $"👥 <b>Команда сегодня</b>, {localDate.ToString("d MMMM", Culture)} — {Plural.Ru(managers, "менеджер", "менеджера", "менеджеров")}";

    public override string TeamNormsLead => "Нормы:";

    public override string TeamNoNorms() => "Нормы не заданы: /norm call 20 day";

    public override string TeamLine(string name, int done, int planned, int overdue, int forgotten, int moved, int won, int lost) =>
        $"{(done == 0 ? "⚠️ " : "")}{Bold(name)}\n" +
        $"✅ {done} из {planned} по плану · ⏰ просрочено {overdue} · 💤 забыто {forgotten}\n" +
        $"➡️ переходов {moved} · 🏆 выиграно {won} · ❌ проиграно {lost}";

    public override string TeamTargetLine(string won, string target, int percent) => $"🎯 месяц: {Escape(won)} из {Escape(target)} ({percent}%)";

    public override string TeamWonLine(string won) => $"🎯 выиграно за месяц: {Escape(won)} (план не задан)";

    public override string TeamButton => "👥 Команда";

    public override string PlansHeader(DateTime localNow) => $"🗓 <b>Планы менеджеров</b> на {localNow.ToString("d MMMM", Culture)} и неделю вперёд";

    public override string PlansManager(string name, int overdue, int today, int later) =>
        $"{Bold(name)}: ⏰ просрочено {overdue} · сегодня {today} · дальше на неделе {later}";

    public override string PlansDay(DateTime localDate) => $"<i>{localDate.ToString("dddd, d MMMM", Culture)}</i>";

    public override string PlanItem(DateTime local, string workType, string client, string note, bool overdue) =>
        $"{(overdue ? "⏰ " + local.ToString("d MMM HH:mm", Culture) : "• " + Time(local))} {Escape(workType)} — {Bold(client)}{(note.Length == 0 ? "" : $" <i>{Escape(note)}</i>")}";

    public override string PlansMore(int count) => $"… и ещё {count}";

    public override string TargetSet(string manager, DateTime month, string amount, string before) =>
        $"🎯 План {Bold(manager)} на {Escape(MonthName(month))}: {Bold(amount)}{(before.Length == 0 ? "" : $" (было {Escape(before)})")}";

    public override string TargetsHeader(DateTime month, int count) =>
        count == 0 ? $"🎯 Планы на {Escape(MonthName(month))} не заданы." : $"🎯 <b>Планы на {Escape(MonthName(month))}</b>:";

    public override string TargetLine(string name, string amount) => $"• {Bold(name)} — план {Escape(amount)}";

    public override string NormItem(string workType, int count, bool weekly) => $"{Escape(workType)} {count}/{(weekly ? "нед" : "день")}";

    public override string NormsHeader(int count) => count == 0 ? "📏 Нормы активности не заданы." : "📏 <b>Нормы активности</b> (на каждого менеджера):";

    public override string NormSet(string workType, int count, bool weekly) =>
        $"📏 Норма: {Bold(workType)} — {count} {(weekly ? "в неделю" : "в день")} на каждого менеджера.";

    public override string NormRemoved(string workType, bool weekly) => $"📏 Норма «{Escape(workType)}» {(weekly ? "в неделю" : "в день")} снята.";

    public override string AskNormPeriod(string workType, int count) => $"{Bold(workType)} — {count} в день или в неделю?";

    public override string NormPerDay => "в день";
    public override string NormPerWeek => "в неделю";

    protected override void AddTeamDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["team"] = new("команда сегодня: контакты, план, норма, сделки", "/team", "/team");
        docs["plans"] = new("планы менеджеров на сегодня и неделю", "/plans [менеджер]", "/plans Иван");
        docs["assign"] = new("передать клиента менеджеру", "/assign &lt;клиент&gt; &lt;менеджер&gt;", "/assign Ромашка Иван");
        docs["distribute"] = new("раздать нераспределённых клиентов поровну по нагрузке",
            "/distribute [#сегмент] — с сегментом раздаются только его клиенты и нагрузка считается внутри сегмента", "/distribute #розница");
        docs["target"] = new("план продаж менеджера на месяц",
            "/target &lt;менеджер&gt; &lt;сумма&gt; [месяц: декабрь, 12.2026, следующий]", "/target Иван 1,5 млн декабрь");
        docs["deactivate"] = new("отключить пользователя и передать его дела",
            "/deactivate &lt;пользователь&gt; [в|to &lt;кому&gt;] — клиенты, открытые сделки и планы переходят к коллеге", "/deactivate Иван в Пётр");
    }
}
