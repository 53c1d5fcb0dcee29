namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // Scenarios: /scenario, the progress in /card and /deals, the next-step offer, the skip confirmation, the digest.

    /// <summary>/scenario &lt;stage&gt; [#segment]: the heading; <paramref name="fallback"/> when the segment has no steps of its own.</summary>
    public abstract string ScenarioHeader(string stage, string? segment, bool fallback);

    /// <summary>One step: its number, work type, «within N days» and the required mark.</summary>
    public abstract string ScenarioStepLine(int number, string workType, int? withinDays, bool required);

    public abstract string ScenarioEmpty();

    /// <summary>Under the steps, for those who may edit: how to add, remove and move a step.</summary>
    public abstract string ScenarioEditHint(string stageAndSegment);

    /// <summary>Bare /scenario: pick a stage (the buttons carry each stage's step count).</summary>
    public abstract string ScenarioPickStage();

    /// <summary>A button label (plain text): a stage and how many steps its general scenario has.</summary>
    public string ScenarioStageButton(string stage, int steps) => $"📋 {stage} ({steps})";

    public abstract string ScenarioStageNotFound(string query);
    public abstract string ScenarioOnlyHeads();
    public abstract string ScenarioAskWorkType(string stage);
    public abstract string ScenarioWorkTypeUnknown(string word);
    public abstract string ScenarioNoStep(int number, int count);
    public abstract string ScenarioStepAdded(int number, string workType);
    public abstract string ScenarioStepRemoved(int number, string workType);
    public abstract string ScenarioStepMoved(string workType, int from, int to);

    /// <summary>After a deal in /card and /deals: how many of its stage's steps are done.</summary>
    public string ScenarioProgressMark(int done, int total) => $" · 📋 {done}/{total}";

    /// <summary>After a move or a touch: the next undone step, offered as a plan.</summary>
    public abstract string ScenarioNextOffer(string workType, int? withinDays);

    /// <summary>A button label (plain text): plan the offered step on that day.</summary>
    public abstract string ScenarioPlanButton(string day);

    /// <summary>Moving a deal on with required steps undone: asks first.</summary>
    public abstract string ScenarioSkipAsk(long deal, string title, string stage, string to, IReadOnlyList<string> steps);

    public abstract string ScenarioSkipConfirmButton { get; }
    public abstract string ScenarioSkipCancelButton { get; }
    public abstract string ScenarioSkipCancelled(long deal, string stage);

    /// <summary>Under the move reply after a confirmed skip.</summary>
    public abstract string ScenarioSkipRecorded(IReadOnlyList<string> steps);

    public abstract string DigestSkipsHeader { get; }
    public abstract string DigestSkipLine(long deal, string title, string stage, string steps, string who);
}
