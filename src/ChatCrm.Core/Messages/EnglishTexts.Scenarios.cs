using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string ScenarioHeader(string stage, string? segment, bool fallback) =>
        $"📋 <b>Scenario of {Escape(stage)}</b>" + (segment is null ? "" : $" — segment #{Escape(segment)}")
        + (fallback ? $"\nSegment #{Escape(segment)} has no steps of its own — the stage's general steps apply:" : "");

    public override string ScenarioStepLine(int number, string workType, int? withinDays, bool required) =>
        $"{number}. {Escape(workType)}" + (withinDays is { } d ? $" — within {Plural.En(d, "day", "days")}" : "") + (required ? " ❗required" : "");

    public override string ScenarioEmpty() => "No steps yet.";

    public override string ScenarioEditHint(string stageAndSegment) =>
        $"Add: /scenario {Escape(stageAndSegment)} add &lt;work type&gt; [N days] [required]\n"
        + $"Remove: /scenario {Escape(stageAndSegment)} remove &lt;n&gt; · reorder: /scenario {Escape(stageAndSegment)} move &lt;n&gt; &lt;m&gt;";

    public override string ScenarioPickStage() => "📋 <b>Stage scenarios</b>: which steps each stage takes. Pick a stage (steps in brackets):";
    public override string ScenarioStageNotFound(string query) => $"No stage “{Escape(query)}”. Pick one:";
    public override string ScenarioOnlyHeads() => "⛔ Only a head or an admin changes a scenario. You can view it: /scenario &lt;stage&gt;";
    public override string ScenarioAskWorkType(string stage) => $"Which step to add to {Bold(stage)}? Pick a work type:";
    public override string ScenarioWorkTypeUnknown(string word) => $"No work type “{Escape(word)}”. Pick one:";

    public override string ScenarioNoStep(int number, int count) =>
        count == 0 ? "The scenario has no steps — nothing to change." : $"There is no step {number}: the scenario has {count}. Nothing changed.";

    public override string ScenarioStepAdded(int number, string workType) => $"✅ Step {number}. {Bold(workType)} added.";
    public override string ScenarioStepRemoved(int number, string workType) => $"✅ Step {number}. {Bold(workType)} removed.";
    public override string ScenarioStepMoved(string workType, int from, int to) => $"✅ {Bold(workType)}: step {from} → {to}.";

    public override string ScenarioNextOffer(string workType, int? withinDays) =>
        $"📋 Next by the regulation: {Bold(workType)}" + (withinDays is { } d ? $" within {Plural.En(d, "day", "days")}" : "") + " — plan it?";

    public override string ScenarioPlanButton(string day) => $"📋 Plan for {Escape(day)}";

    public override string ScenarioSkipAsk(long deal, string title, string stage, string to, IReadOnlyList<string> steps) =>
        $"⚠️ Deal #{deal} {Bold(title)}: required steps of {Bold(stage)} are not done: {Escape(string.Join(", ", steps))}.\n"
        + $"Move it to {Bold(to)} anyway? The skip will be recorded.";

    public override string ScenarioSkipConfirmButton => "⏭ Move anyway";
    public override string ScenarioSkipCancelButton => "✖️ Cancel";
    public override string ScenarioSkipCancelled(long deal, string stage) => $"OK, deal #{deal} stays at {Bold(stage)}.";
    public override string ScenarioSkipRecorded(IReadOnlyList<string> steps) => $"📝 Skipped steps recorded: {Escape(string.Join(", ", steps))}.";
    public override string DigestSkipsHeader => "⏭ <b>Required steps skipped</b>:";

    public override string DigestSkipLine(long deal, string title, string stage, string steps, string who) =>
        $"• #{deal} {Escape(title)} — {Escape(stage)}: {Escape(steps)} ({Escape(who)})";

    protected override void AddScenariosDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["scenario"] = new("a stage's scenario: which steps to take and by when",
            "/scenario — the stages\n/scenario &lt;stage&gt; [#segment] — the steps (a segment without its own uses the general ones)\n"
            + "/scenario &lt;stage&gt; [#segment] add &lt;work type&gt; [N days] [required]\n"
            + "/scenario &lt;stage&gt; [#segment] remove &lt;n&gt;\n/scenario &lt;stage&gt; [#segment] move &lt;n&gt; &lt;m&gt;",
            "/scenario Proposal add demo 3 days required");
    }
}
