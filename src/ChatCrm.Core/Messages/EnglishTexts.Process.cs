using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string UsageLead => "I didn't get that. Here is how to write it:";
    public override string SyntaxLead => "✍️ How to set one:";

    private static string Deals(int n) => Plural.En(n, "deal", "deals");

    private static string StagesWord(int n) => Plural.En(n, "stage", "stages");

    private static string DaysLimit(int? days) => days is { } d ? $"⏱ {Plural.En(d, "day", "days")}" : "⏱ no limit";

    // Cycles
    public override string PipelinesHeader(int count) => $"🔁 <b>Sales cycles</b> ({count}):";

    public override string PipelineLine(string name, bool isDefault, int stages, int deals, string amount) =>
        $"• {Bold(name)}{(isDefault ? " — default" : "")}: {StagesWord(stages)}, {Deals(deals)} worth {Escape(amount)}";

    public override string PipelinesFooter() =>
        "New cycle: /pipeline add &lt;name&gt;. The default one (where deals open): /pipeline default &lt;cycle&gt;.";

    public override string AskCycleName() => "What should the new sales cycle be called? Type its name.";

    public override string CycleNotFound(string query) =>
        query.Trim().Length == 0 ? "Which sales cycle?" : $"There is no cycle “{Escape(query)}”. Which one did you mean?";

    public override string CycleDuplicate(string name) => $"⚠️ A cycle “{Escape(name)}” already exists — pick another name.";

    public override string CycleAdded(string name) =>
        $"✅ Cycle {Bold(name)} created. Add its stages: /stage add &lt;stage&gt; cycle {Escape(name)}";

    public override string CycleRenamed(string before, string after) =>
        $"✅ Cycle “{Escape(before)}” is now {Bold(after)}. Deal history keeps the old stage names.";

    public override string CycleAlreadyDefault(string name) => $"{Bold(name)} is already the default cycle.";

    public override string CycleDefaultSet(string name) => $"✅ The default cycle is now {Bold(name)}: new deals open there.";

    // The funnel
    public override string FunnelHeader(string cycle, bool isDefault, int openDeals, string total, string weighted) =>
        $"🔻 <b>Funnel “{Escape(cycle)}”</b>{(isDefault ? " (default)" : "")}\n" +
        $"Open: {Deals(openDeals)} worth {Escape(total)} · forecast {Escape(weighted)}";

    public override string FunnelLine(int position, string name, int deals, string amount, int probability, int? days, string bar) =>
        $"{position}. {Bold(name)} — {Deals(deals)}, {Escape(amount)}\n{Escape(bar)} {probability}% · {DaysLimit(days)}";

    public override string FunnelEmpty() => "This cycle has no stages yet — add the first with the button below.";

    public override string FunnelButton => "🔻 Funnel";
    public override string AddStageButton => "➕ Add a stage";

    public override string StageCard(string cycle, string name, int position, int stages, int openDeals, int probability, int? days) =>
        $"✏️ Stage {Bold(name)} — {position} of {stages} in “{Escape(cycle)}”\n" +
        $"Now: {Deals(openDeals)} · probability {probability}% · {DaysLimit(days)}";

    public override string StageUpButton => "↑ Up";
    public override string StageDownButton => "↓ Down";
    public override string StageRenameButton => "✏️ Name";
    public override string StageDaysButton => "⏱ Days";
    public override string StageProbabilityButton => "🎯 Probability";
    public override string StageRemoveButton => "🗑 Remove";
    public override string BackToFunnelButton => "‹ Back to the funnel";

    public override string StageAlreadyAtEdge() => "It can't go any further.";

    public override string AskNewStageName() => "What should the new stage be called? Type its name (you may add “after &lt;stage&gt;”, “days 5”, “prob 30”).";

    public override string AskStageName(string stage) => $"New name for the stage “{Escape(stage)}”?";

    public override string AskStageDays(string stage, int? current) =>
        $"How many days may a deal stay in “{Escape(stage)}”? Now: {(current is { } d ? Plural.En(d, "day", "days") : "no limit")}. Type a number, 0 for no limit.";

    public override string AskStageProbability(string stage, int current) =>
        $"Chance to win in “{Escape(stage)}”, 0 to 100? Now: {current}%.";

    public override string StageNotFound(string query, string cycle) =>
        query.Trim().Length == 0 ? $"Which stage of “{Escape(cycle)}”?" : $"There is no stage “{Escape(query)}” in “{Escape(cycle)}”. Which one did you mean?";

    public override string StageDuplicate(string name, string cycle) =>
        $"⚠️ “{Escape(cycle)}” already has a stage “{Escape(name)}” — pick another name.";

    public override string StageAdded(string name, int position, string cycle, int probability, int? days) =>
        $"✅ Stage {Bold(name)} added to “{Escape(cycle)}” at position {position} · {probability}% · {DaysLimit(days)}";

    public override string StageRenamed(string before, string after) =>
        $"✅ Stage “{Escape(before)}” is now {Bold(after)}. Deal history keeps the old name.";

    public override string StagePositionOutside(int position, int stages, string cycle) =>
        $"⚠️ “{Escape(cycle)}” has {StagesWord(stages)} — there is no position {position}. Use a number from 1 to {stages}.";

    public override string StageMoved(string name, int from, int to) => $"✅ Stage {Bold(name)}: position {from} → {to}.";

    public override string StageDaysSet(string name, int? days) =>
        days is { } d
            ? $"✅ Stage {Bold(name)}: a deal counts as stuck after {Plural.En(d, "day", "days")}."
            : $"✅ Stage {Bold(name)}: no time limit.";

    public override string StageProbabilitySet(string name, int probability) => $"✅ Stage {Bold(name)}: probability {probability}%.";

    public override string StageRemoveConfirm(string stage) => $"Remove the stage “{Escape(stage)}” from the funnel? Deal history keeps it.";

    public override string AskRemoveTarget(string stage, int deals) =>
        $"“{Escape(stage)}” holds {Deals(deals)} in progress. Where should they go?";

    public override string StageRemoved(string name, int moved, string target) =>
        moved == 0
            ? $"🗑 Stage “{Escape(name)}” removed from the funnel. History and reports keep its name."
            : $"🗑 Stage “{Escape(name)}” removed, {Deals(moved)} → {Bold(target)}. History and reports keep its name.";

    // Reference lists
    private static string KindTitle(CatalogKind kind) => kind switch
    {
        CatalogKind.WorkType => "Work types",
        CatalogKind.LostReason => "Lost reasons",
        CatalogKind.Segment => "Segments",
        _ => "Products",
    };

    private static string KindOne(CatalogKind kind) => kind switch
    {
        CatalogKind.WorkType => "Work type",
        CatalogKind.LostReason => "Reason",
        CatalogKind.Segment => "Segment",
        _ => "Product",
    };

    public override string CatalogTitle(CatalogKind kind, int count) => $"📚 <b>{KindTitle(kind)}</b> ({count}):";

    public override string CatalogLine(CatalogKind kind, string name, string extra) => kind switch
    {
        CatalogKind.WorkType => $"• {Bold(name)} — code <code>{Escape(extra)}</code>",
        CatalogKind.Segment => $"• #{Escape(name)}",
        CatalogKind.Product when extra.Length > 0 => $"• {Bold(name)} — {Escape(extra)}",
        _ => $"• {Escape(name)}",
    };

    public override string CatalogRetiredCount(int count) => $"Archived: {count} (kept in history, hidden from new choices).";

    public override string CatalogFooter(CatalogKind kind) => kind switch
    {
        CatalogKind.WorkType => "Add: /worktype add &lt;name&gt;. The code is what /log uses.",
        CatalogKind.LostReason => "Add: /reason add &lt;reason&gt;.",
        CatalogKind.Segment => "Add: /segment add &lt;segment&gt;. Hand out a segment's prospects: /distribute #segment.",
        _ => "Add: /product add &lt;name&gt; [price] [#category]. On a deal: /deal 42 + &lt;product&gt;.",
    };

    public override string CatalogAddButton => "➕ Add";
    public override string CatalogListButton => "📚 The whole list";

    public override string AskCatalogName(CatalogKind kind) => kind switch
    {
        CatalogKind.Product => "What is the product called? You may add the price and a category: “CNC machine 1.5m #Machines”.",
        _ => $"{KindOne(kind)}: type the name.",
    };

    public override string CatalogAdded(CatalogKind kind, string name) => $"✅ Added to {KindTitle(kind).ToLowerInvariant()}: {Bold(name)}";

    public override string CatalogEdited(CatalogKind kind, string name, string? extra) =>
        $"✏️ {Bold(name)} updated{(extra is null ? "" : $": {Escape(extra)}")}";
    public override string CatalogDuplicate(CatalogKind kind, string name) => $"⚠️ “{Escape(name)}” is already on the list.";

    public override string CatalogNotFound(CatalogKind kind, string query) =>
        query.Trim().Length == 0 ? "Which one? Pick:" : $"“{Escape(query)}” is not among the {KindTitle(kind).ToLowerInvariant()}. One of these?";

    public override string CatalogRemoveConfirm(CatalogKind kind, string name) => $"Remove “{Escape(name)}” from {KindTitle(kind).ToLowerInvariant()}?";

    public override string CatalogRemoved(CatalogKind kind, string name, bool retired) =>
        retired
            ? $"🗄 “{Escape(name)}” was already used, so it is archived: hidden from new choices, kept in history."
            : $"🗑 “{Escape(name)}” removed from the list.";

    // Company settings
    public override string SettingsTitle() => "⚙️ <b>Company settings</b>";

    public override string SettingLabel(string key) => key switch
    {
        "Schedule:MorningPlanAt" => "Managers' morning plan",
        "Schedule:DailyDigestAt" => "Head's daily digest",
        "Schedule:WeeklyDigestAt" => "Weekly digest",
        "Crm:ForgottenAfterDays" => "A client is forgotten after (days)",
        "Crm:PoolOpenToManagers" => "Managers see the pool and take from it",
        _ => $"setting {Escape(key)}",
    };

    public override string SettingLine(string label, string value, bool isDefault) =>
        $"• {Escape(label)}: {Bold(value)}{(isDefault ? " (default)" : "")}";

    public override string SettingsFooter() =>
        "Times are each person's local time. Change with a button or /settings morning 8:30, /settings digest 18:30, /settings weekly mon 9:30, /settings forgotten 10; back to the default: /settings morning default.";

    public override string SettingUnknown(string word) =>
        $"There is no setting “{Escape(word)}”. There are: morning, digest, weekly, forgotten.";

    public override string SettingAsk(string label, string example) => $"{Escape(label)}: what value? For example, {Escape(example)}.";

    public override string SettingInvalid(string label, string input, string example) =>
        $"⚠️ “{Escape(input)}” doesn't fit “{Escape(label)}”. For example: {Escape(example)}. Nothing changed.";

    public override string SettingChanged(string label, string before, string after) =>
        $"✅ {Escape(label)}: was {Escape(before)} → now {Bold(after)}";

    // Audit
    public override string AuditEmpty() => "The audit log is empty so far.";

    public override string AuditHeader(int total, int page, int pages) => $"🧾 <b>Audit</b>: last {total}, page {page}/{pages}";

    public override string AuditLine(DateTime local, string who, string action, string subject, string before, string after)
    {
        var change = before.Length + after.Length == 0 ? "" : $"\n   {Escape(before.Length == 0 ? "—" : before)} → {Escape(after.Length == 0 ? "—" : after)}";
        return $"{Date(local)} · {Bold(who)} · <code>{Escape(action)}</code>{(subject.Length == 0 ? "" : " " + Escape(subject))}{change}";
    }

    protected override void AddProcessDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["pipelines"] = new("sales cycles", "/pipelines", "/pipelines");
        docs["pipeline"] = new("add or rename a cycle, choose the default",
            "/pipeline add &lt;name&gt; | rename &lt;cycle&gt; &lt;new name&gt; | default &lt;cycle&gt;", "/pipeline add Tenders");
        docs["stages"] = new("the funnel: stages, deals and amounts, edited with buttons", "/stages [cycle]", "/stages");
        docs["stage"] = new("add, rename, move, tune or remove a stage",
            "/stage add &lt;name&gt; [after &lt;stage&gt;] [days &lt;N&gt;] [prob &lt;P&gt;]\n" +
            "/stage rename &lt;stage&gt; &lt;new name&gt;\n/stage move &lt;stage&gt; &lt;position&gt;\n" +
            "/stage set &lt;stage&gt; days &lt;N&gt; | prob &lt;P&gt; (days 0 — no limit)\n" +
            "/stage remove &lt;stage&gt; [to &lt;stage&gt;] — its deals move, history keeps the name\n" +
            "Keywords: after/после, days/дней, prob/вер, to/в/на, cycle/цикл &lt;cycle&gt; — for a cycle other than the default",
            "/stage add Demo after Qualification days 5 prob 40");
        docs["worktypes"] = new("work types (call, meeting…)", "/worktypes", "/worktypes");
        docs["worktype"] = new("add or remove a work type", "/worktype add|remove &lt;name&gt;", "/worktype add Presentation");
        docs["reasons"] = new("lost reasons", "/reasons", "/reasons");
        docs["reason"] = new("add or remove a lost reason", "/reason add|remove &lt;reason&gt;", "/reason add Missed deadline");
        docs["segments"] = new("client segments", "/segments", "/segments");
        docs["segment"] = new("add or remove a segment", "/segment add|remove &lt;segment&gt;", "/segment add retail");
        docs["products"] = new("products and services", "/products", "/products");
        docs["product"] = new("add, change or remove a product", "/product add &lt;name&gt; [price] [#category] | edit &lt;name&gt; [price] [#category, #- for none] | remove &lt;name&gt;", "/product edit CNC machine 1.6m #Equipment");
        docs["audit"] = new("audit log: who, what, before → after", "/audit [how many entries]", "/audit 20");
        docs["settings"] = new("morning plan and digest times, the forgotten threshold",
            "/settings [morning|digest|weekly|forgotten &lt;value&gt;|default]", "/settings morning 8:30");
    }
}
