using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    private static string Clients(int n) => Plural.En(n, "client", "clients");

    private static string Contacts(int n) => Plural.En(n, "planned contact", "planned contacts");

    private static string InSegment(string segment) => segment.Length == 0 ? "" : $" in #{Escape(segment)}";

    private static string Work(int clients, int deals, int contacts) =>
        $"{Clients(clients)}, {Deals(deals)} in progress, {Contacts(contacts)}";

    public override string AskWhichManager(string client) => $"Who should take over “{Escape(client)}”?";

    public override string ManagerNotFound(string query) => $"There is no active colleague “{Escape(query)}”. Who did you mean?";

    public override string NoActiveManagers() => "The team has no active managers. Invite one: /invite manager";

    public override string AlreadyAssigned(string client, string manager) => $"{Bold(manager)} already works “{Escape(client)}”.";

    public override string ClientAssigned(string client, string manager, int deals, int contacts) =>
        $"✅ {Bold(client)} → {Bold(manager)}. Along with the client: {Deals(deals)} in progress, {Contacts(contacts)}.";

    public override string ClientAssignedToYou(string client, string by, int deals) =>
        $"📥 {Escape(by)} handed you the client {Bold(client)}{(deals > 0 ? $" and {Deals(deals)} in progress" : "")}. Card: /card {Escape(client)}";

    public override string SegmentNotFound(string query) => $"There is no segment “{Escape(query)}”. Which one did you mean?";

    public override string NoProspects(string segment) => $"There are no unassigned clients{InSegment(segment)} — nobody to hand out.";

    public override string DistributePreview(int prospects, string segment, int managers, bool changed) =>
        (changed ? "⚠️ The list changed while you were looking. Here is the new plan.\n" : "") +
        $"🧮 Hand out {Clients(prospects)}{InSegment(segment)} to {Plural.En(managers, "manager", "managers")} so that the loads even out:";

    public override string DistributeLine(string name, int load, int add) => $"• {Bold(name)}: {load} now → {load + add} (+{add})";

    public override string DistributeConfirmButton => "✅ Hand out";

    public override string ProspectsDistributed(int prospects, string segment, int managers) =>
        $"✅ Handed out {Clients(prospects)}{InSegment(segment)}: {Plural.En(managers, "manager", "managers")} got new clients and a notice.";

    public override string ProspectsReceived(int count, string segment) =>
        $"📥 You got {Clients(count)}{InSegment(segment)}. The list: /clients";

    public override string DeactivateAskSuccessor(string name, int clients, int deals, int contacts) =>
        $"{Bold(name)} has {Work(clients, deals, contacts)}. Who takes them over before the deactivation?";

    public override string DeactivateConfirmHandOver(string name, string successor, int clients, int deals, int contacts) =>
        $"Deactivate {Bold(name)} and hand {Bold(successor)} {Work(clients, deals, contacts)}?";

    public override string UserDeactivatedHandedOver(string name, string successor, int clients, int deals, int contacts) =>
        $"⛔ {Bold(name)} is deactivated. {Bold(successor)} took over {Work(clients, deals, contacts)}. The history stays with {Escape(name)}.";

    public override string HandedOverToYou(string from, int clients, int deals, int contacts) =>
        $"📥 You took over {Bold(from)}'s work: {Work(clients, deals, contacts)}. Plan — /today, clients — /clients";

    public override string TeamHeader(DateTime localDate, int managers) =>
        $"👥 <b>The team today</b>, {localDate.ToString("MMMM d", Culture)} — {Plural.En(managers, "manager", "managers")}";

    public override string TeamNormsLead => "Norms:";

    public override string TeamNoNorms() => "No norms set: /norm call 20 day";

    public override string TeamLine(string name, int done, int planned, int overdue, int forgotten, int moved, int won, int lost) =>
        $"{(done == 0 ? "⚠️ " : "")}{Bold(name)}\n" +
        $"✅ {done} of {planned} planned · ⏰ overdue {overdue} · 💤 forgotten {forgotten}\n" +
        $"➡️ moves {moved} · 🏆 won {won} · ❌ lost {lost}";

    public override string TeamTargetLine(string won, string target, int percent) => $"🎯 month: {Escape(won)} of {Escape(target)} ({percent}%)";

    public override string TeamWonLine(string won) => $"🎯 won this month: {Escape(won)} (no target set)";

    public override string TeamButton => "👥 Team";

    public override string PlansHeader(DateTime localNow) => $"🗓 <b>Managers' plans</b> for {localNow.ToString("MMMM d", Culture)} and the week ahead";

    public override string PlansManager(string name, int overdue, int today, int later) =>
        $"{Bold(name)}: ⏰ overdue {overdue} · today {today} · later this week {later}";

    public override string PlansDay(DateTime localDate) => $"<i>{localDate.ToString("dddd, MMMM d", Culture)}</i>";

    public override string PlanItem(DateTime local, string workType, string client, string note, bool overdue) =>
        $"{(overdue ? "⏰ " + local.ToString("MMM d HH:mm", Culture) : "• " + Time(local))} {Escape(workType)} — {Bold(client)}{(note.Length == 0 ? "" : $" <i>{Escape(note)}</i>")}";

    public override string PlansMore(int count) => $"… and {count} more";

    public override string TargetSet(string manager, DateTime month, string amount, string before) =>
        $"🎯 {Bold(manager)}'s target for {Escape(MonthName(month))}: {Bold(amount)}{(before.Length == 0 ? "" : $" (was {Escape(before)})")}";

    public override string TargetsHeader(DateTime month, int count) =>
        count == 0 ? $"🎯 No targets set for {Escape(MonthName(month))}." : $"🎯 <b>Targets for {Escape(MonthName(month))}</b>:";

    public override string TargetLine(string name, string amount) => $"• {Bold(name)} — target {Escape(amount)}";

    public override string NormItem(string workType, int count, bool weekly) => $"{Escape(workType)} {count}/{(weekly ? "week" : "day")}";

    public override string NormsHeader(int count) => count == 0 ? "📏 No activity norms set." : "📏 <b>Activity norms</b> (per manager):";

    public override string NormSet(string workType, int count, bool weekly) =>
        $"📏 Norm: {Bold(workType)} — {count} a {(weekly ? "week" : "day")} for each manager.";

    public override string NormRemoved(string workType, bool weekly) => $"📏 The {(weekly ? "weekly" : "daily")} norm for “{Escape(workType)}” is removed.";

    public override string AskNormPeriod(string workType, int count) => $"{Bold(workType)} — {count} a day or a week?";

    public override string NormPerDay => "a day";
    public override string NormPerWeek => "a week";

    protected override void AddTeamDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["team"] = new("the team today: touches, plan, norm, deals", "/team", "/team");
        docs["plans"] = new("managers' plans for today and the week", "/plans [manager]", "/plans Ivan");
        docs["assign"] = new("hand a client to a manager", "/assign &lt;client&gt; &lt;manager&gt;", "/assign Acme Ivan");
        docs["distribute"] = new("hand out unassigned clients evenly by load",
            "/distribute [#segment] — with a segment only its clients go out and load counts within it", "/distribute #retail");
        docs["target"] = new("a manager's sales target for a month",
            "/target &lt;manager&gt; &lt;amount&gt; [month: december, 12.2026, next]", "/target Ivan 1.5m december");
        docs["deactivate"] = new("deactivate a user and hand over their work",
            "/deactivate &lt;user&gt; [to &lt;colleague&gt;] — clients, open deals and plans go to the colleague", "/deactivate Ivan to Peter");
    }
}
