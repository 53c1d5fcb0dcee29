using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string PlanHeader(DateTime localDate) => $"☀️ <b>Plan for {localDate.ToString("dddd, MMMM d", En)}</b>";
    public override string PlanToday(int count) => $"📞 <b>Today</b> ({count})";
    public override string PlanOverdue(int count) => $"⏰ <b>Overdue</b> ({count})";
    public override string PlanForgotten(int count) => $"💤 <b>Forgotten clients</b> ({count})";
    public override string PlanStuck(int count) => $"🐢 <b>Deals stuck in a stage</b> ({count})";

    public override string PlanContactLine(DateTime local, string client, string workType, string note) =>
        $"• {Time(local)} {Escape(workType.ToLowerInvariant())} with {Bold(client)}{SchNote(note)}";

    public override string PlanOverdueLine(DateTime plannedLocal, string client, string workType) =>
        $"• {Escape(workType)}: {Bold(client)} — was due {plannedLocal.ToString("MMMM d", En)}";

    public override string PlanForgottenLine(string client, int days) => $"• {Bold(client)} — no touch for {SchDays(days)}";

    public override string PlanStuckLine(int deal, string title, string stage, int days, int allowed) =>
        $"• #{deal} {Escape(title)} — “{Escape(stage)}” for {SchDays(days)} (allowed {allowed})";

    public override string PlanNorm => "🎯 Today's norm:";
    public override string PlanNormItem(string workType, int count) => $"{count} × {Escape(workType.ToLowerInvariant())}";
    public override string PlanNothing() => "Nothing planned for today. A good moment to call your clients: /clients";
    public override string PlanAndMore(int more) => $"…and {more} more";

    public override string ContactReminder(DateTime local, string client, string workType, string note, string phone) =>
        $"🔔 At {Time(local)} — {Escape(workType.ToLowerInvariant())}: {Bold(client)}{SchNote(note)}"
        + (string.IsNullOrEmpty(phone) ? "" : $"\n📱 {Escape(phone)}");

    public override string InHourButton => "⏰ In an hour";
    public override string TomorrowButton => "Tomorrow";
    public override string InDaysButton(int days) => $"In {SchDays(days)}";
    public override string RescheduleButton => "📅 Reschedule";
    public override string RescheduleAsk(string client) => $"When should the contact with {Bold(client)} be?";
    public override string AlreadyHandled() => "Already done — this button is out of date.";

    public override string Nudge(string client, int days, int deal, string title, decimal amount, string stage) =>
        $"💤 {Bold(client)}: no touch for {SchDays(days)}.\nOpen deal #{deal} {Escape(title)} — {SchAmount(amount)}, stage “{Escape(stage)}”.\nWhat's next?";

    public override string SnoozeButton => "😴 Snooze";
    public override string HandOverButton => "🤝 Hand over";
    public override string CallLogged(string client) => $"✅ Call with {Bold(client)} logged.";
    public override string PlanAsk(string client) => $"When is the next contact with {Bold(client)}?";
    public override string NudgeContactPlanned(string client, DateTime local) => $"📅 {Bold(client)}: contact planned for {Date(local)}.";
    public override string SnoozeAskReason(string client) => $"Why put {Bold(client)} aside?";

    public override string SnoozeReasonName(SnoozeReason reason) => reason switch
    {
        SnoozeReason.AskedToWait => "Client asked to wait",
        SnoozeReason.WaitingForThem => "Waiting for their decision",
        SnoozeReason.Seasonal => "Off season / away",
        _ => reason.ToString(),
    };

    public override string SnoozeAskUntil(string client, SnoozeReason reason) =>
        $"{Bold(client)} — {SnoozeReasonName(reason).ToLowerInvariant()}. Quiet until when?";

    public override string Snoozed(string client, SnoozeReason reason, DateTime untilLocal) =>
        $"😴 {Bold(client)} snoozed until {untilLocal.ToString("MMMM d", En)}: {SnoozeReasonName(reason).ToLowerInvariant()}.";

    public override string LostAsk(string client) => $"Why was {Bold(client)} lost?";

    public override string ClientLost(string client, int deals, string reason) =>
        $"❌ {Bold(client)}: {Plural.En(deals, "deal", "deals")} closed as lost — {Escape(reason)}.";

    public override string HandOverAsk(string client) => $"Who should take {Bold(client)}?";
    public override string HandedOver(string client, string to) => $"🤝 {Bold(client)} handed over to {Bold(to)}.";
    public override string HandedToYou(string client, string from) => $"🤝 {Bold(from)} handed you the client {Bold(client)} with its open deals.";
    public override string NobodyToHandTo() => "There is nobody to hand over to: no other active managers.";

    public override string Escalation(string client, string manager, int days, int nudges) =>
        $"🚨 {Bold(client)} is forgotten: {Bold(manager)} has ignored reminders for {SchDays(days)} ({Plural.En(nudges, "reminder", "reminders")}).\n<b>History:</b>";

    public override string EscalationTouch(DateTime local, string workType, string note) =>
        $"• {local.ToString("MMMM d", En)} — {Escape(workType.ToLowerInvariant())}{SchNote(note)}";

    public override string EscalationNoHistory() => "• never touched";
    public override string ReassignButton => "🔁 Reassign";

    public override string PaymentDue(int deal, string title, decimal amount, DateTime dueLocal) =>
        $"💳 Payment due today for deal #{deal} {Escape(title)}: {SchAmount(amount)} (due {dueLocal.ToString("MMMM d", En)}).";

    public override string PaymentOverdue(int deal, string title, decimal amount, DateTime dueLocal, int days) =>
        $"⚠️ Payment for deal #{deal} {Escape(title)} is {SchDays(days)} overdue: {SchAmount(amount)}, was due {dueLocal.ToString("MMMM d", En)}.";

    public override string PaymentOverdueToHead(string manager, int deal, string title, decimal amount, DateTime dueLocal, int days) =>
        $"🚨 {Bold(manager)}: payment for deal #{deal} {Escape(title)} is {SchDays(days)} overdue — {SchAmount(amount)}, was due {dueLocal.ToString("MMMM d", En)}.";

    public override string ShipmentDue(int deal, string title, DateTime paidLocal) =>
        $"📦 Deal #{deal} {Escape(title)} was paid on {paidLocal.ToString("MMMM d", En)} but nothing is shipped. Record it: /shipped {deal}";
    public override string ShipmentOverdue(int deal, string title, DateTime dueLocal, int days) =>
        $"⚠️ Shipment for deal #{deal} {Escape(title)} is {SchDays(days)} late: it was due {dueLocal.ToString("MMMM d", En)}. Shipped? Record it: /shipped {deal}";

    public override string ShipmentOverdueToHead(string manager, int deal, string title, DateTime dueLocal, int days) =>
        $"🚨 {Bold(manager)}: shipment for deal #{deal} {Escape(title)} is {SchDays(days)} late, it was due {dueLocal.ToString("MMMM d", En)}.";


    public override string DigestDaily(DateTime localDate) => $"📊 <b>Day summary — {localDate.ToString("dddd, MMMM d", En)}</b>";

    public override string DigestWeekly(DateTime fromLocal, DateTime toLocal) =>
        $"📈 <b>Week summary — {fromLocal.ToString("MMMM d", En)} – {toLocal.ToString("MMMM d", En)}</b>";

    public override string DigestMonthly(DateTime fromLocal, DateTime toLocal) =>
        $"🗓 <b>Month so far — {fromLocal.ToString("MMMM d", En)} – {toLocal.ToString("MMMM d", En)}</b>";

    public override string DigestExceptions => "<b>Attention</b>";
    public override string DigestSilent(string names) => $"🔇 No touches at all: {Escape(names)}";

    public override string DigestLostLine(int deal, string title, string manager, decimal amount, string reason) =>
        $"❌ #{deal} {Escape(title)} ({Escape(manager)}) — {SchAmount(amount)}, reason: {Escape(reason)}";

    public override string DigestRottingLine(int deal, string title, string manager, decimal amount, string stage, int days) =>
        $"🐢 #{deal} {Escape(title)} ({Escape(manager)}) — {SchAmount(amount)}, “{Escape(stage)}” for {SchDays(days)}";

    public override string DigestNoExceptions => "✅ Nothing unusual.";
    public override string DigestManagers(int page, int pages) => pages > 1 ? $"<b>Managers</b> (page {page}/{pages})" : "<b>Managers</b>";

    public override string DigestManagerLine(string name, int done, int planned, int newDeals, int moves,
        int won, decimal wonSum, int lost, string lostReasons, decimal paid, int forgotten, int overdue) =>
        $"👤 {Bold(name)}: touches {done}/{planned}, new deals {newDeals}, moves {moves}, "
        + $"won {won} for {SchAmount(wonSum)}, lost {lost}{(lostReasons.Length > 0 ? $" ({Escape(lostReasons)})" : "")}, "
        + $"paid {SchAmount(paid)}; forgotten {forgotten}, overdue {overdue}";

    public override string DigestTeam(int done, int planned, int newDeals, int won, decimal wonSum, int lost, decimal paid) =>
        $"<b>Team:</b> touches {done}/{planned}, new deals {newDeals}, won {won} for {SchAmount(wonSum)}, lost {lost}, paid {SchAmount(paid)}";

    public override string DigestNoManagers() => "No managers in the team yet. Invite one: /invite manager";
    public override string WeekVsPrevious => "<b>This week vs the previous</b>";
    public override string MonthVsPrevious => "<b>This month vs the same days of the previous</b>";
    public override string WeekTouches(int now, int before) => $"Touches: {now} ({SchDelta(now - before)})";
    public override string WeekNewDeals(int now, int before) => $"New deals: {now} ({SchDelta(now - before)})";

    public override string WeekWon(int now, decimal sum, int before, decimal sumBefore) =>
        $"Won: {now} for {SchAmount(sum)} (was {before} for {SchAmount(sumBefore)})";

    public override string WeekLost(int now, int before) => $"Lost: {now} ({SchDelta(now - before)})";

    public override string WeekWinRate(int? percent, int? before) =>
        $"Win rate: {(percent is { } p ? $"{p}%" : "—")} (was {(before is { } b ? $"{b}%" : "—")})";

    public override string WeekDuration(double? days, double? before) =>
        $"Average deal duration: {SchDaysD(days)} (was {SchDaysD(before)})";

    public override string WeekPaid(decimal now, decimal before) => $"Paid: {SchAmount(now)} (was {SchAmount(before)})";
    public override string WeekConversion => "<b>Conversion by stage</b>";

    public override string WeekConversionLine(string stage, int exits, int forward) =>
        $"• {Escape(stage)}: {(exits == 0 ? "—" : $"{forward * 100 / exits}%")} ({forward} of {exits} moved on)";

    public override string WeekForecast(decimal weighted, decimal target) =>
        $"🔮 Forecast (weighted pipeline): {SchAmount(weighted)} against the month's target {SchAmount(target)}"
        + (target > 0 ? $" — {(int)Math.Round(weighted * 100 / target, MidpointRounding.AwayFromZero)}%" : "");

    public override string WeekReceivables(decimal owed, int overdueCount, decimal overdue) =>
        $"💳 Receivables: {SchAmount(owed)}, of which {Plural.En(overdueCount, "invoice", "invoices")} overdue for {SchAmount(overdue)}";

    public override string FunnelTitle => "Funnel: open deals by stage";
    public override string FunnelCaption(int deals, decimal amount) => $"Funnel: {Plural.En(deals, "open deal", "open deals")} worth {SchAmount(amount)}";
    public override string DigestPageButton(int page) => $"Page {page}";
    public override string DigestUnknownArgs(string args) => $"I didn't get “{Escape(args)}”. Today's summary: /digest, the week's: /digest week, the month's: /digest month.";

    protected override void AddScheduleDocs(IDictionary<string, CommandDoc> docs) =>
        docs["digest"] = new("the team summary right now", "/digest [week|month]", "/digest month");

    private static string SchNote(string note) => string.IsNullOrWhiteSpace(note) ? "" : $" — {Escape(note)}";

    private static string SchDays(int days) => Plural.En(days, "day", "days");

    private static string SchDaysD(double? days) => days is { } d ? $"{d.ToString("0.#", En)} d" : "—";

    private static string SchDelta(int delta) => delta > 0 ? $"+{delta}" : delta < 0 ? $"−{-delta}" : "no change";

    private static string SchAmount(decimal amount) => amount.ToString("#,0.##", En);
}
