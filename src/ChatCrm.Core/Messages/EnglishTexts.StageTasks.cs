using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string TaskTakeButton => "🛠 Take it";
    public override string TaskDoneButton => "✅ Done";
    public override string TaskBackButton => "↩️ Hand back with a comment";
    public override string TaskResendButton => "➡️ Send again";

    public override string TaskCard(long deal, string title, string client, decimal amount, string currency, string manager, string stage, string owner, string? next) =>
        $"🛠 <b>Task for {Escape(owner)}</b>: stage “{Escape(stage)}”\n"
        + $"Deal #{deal} “{Escape(title)}” · {Escape(client)} — {Money(amount, currency)}\n"
        + $"👤 Manager: {Escape(manager)}\n"
        + (next is null ? "The last stage: after “Done” the manager closes the deal." : $"Done → the deal goes on to “{Escape(next)}”.");

    public override string TaskTakenBy(string who) => $"🛠 In work with {Bold(who)}";

    public override string TaskSent(long deal, string stage, string owner, int people) =>
        $"📨 Deal #{deal} is at “{Escape(stage)}” — the task is with {Bold(owner)}"
        + (people == 0 ? ". ⚠️ Nobody is in that department: no one can take it." : $" ({Plural.En(people, "person", "people")} got it). I will tell you each step.");

    public override string TaskArrivedForManager(long deal, string title, string stage, string owner) =>
        $"📨 Your deal #{deal} “{Escape(title)}” moved to “{Escape(stage)}” — the task is with {Bold(owner)}.";

    public override string TaskTakenForManager(long deal, string title, string stage, string who, string owner) =>
        $"🛠 {Bold(who)} ({Escape(owner)}) took deal #{deal} “{Escape(title)}” at “{Escape(stage)}” into work.";

    public override string TaskDoneForManager(long deal, string title, string stage, string who, string? next) =>
        $"✅ {Bold(who)}: “{Escape(stage)}” of deal #{deal} “{Escape(title)}” is done. "
        + (next is null ? "It is the last stage — close the deal." : $"The deal moved to “{Escape(next)}”.");

    public override string TaskDone(long deal, string title, string stage, string? next) =>
        $"✅ Done: “{Escape(stage)}” of deal #{deal} “{Escape(title)}”. "
        + (next is null ? "The manager will close the deal." : $"The deal went on to “{Escape(next)}”.");

    public override string TaskAskComment(long deal, string stage, string? backTo) =>
        $"↩️ What should be fixed in deal #{deal} (stage “{Escape(stage)}”)? Write a comment for the manager in one message — "
        + (backTo is null ? "the deal stays at the stage." : $"the deal goes back to “{Escape(backTo)}”.");

    public override string TaskReturnedForManager(long deal, string title, string stage, string who, string comment, string? backTo) =>
        $"↩️ {Bold(who)} handed deal #{deal} “{Escape(title)}” back from “{Escape(stage)}”:\n<i>{Escape(comment)}</i>\n"
        + (backTo is null ? "The deal stayed at the stage." : $"The deal is back at “{Escape(backTo)}”. Fix it and send it again.");

    public override string TaskReturned(long deal, string title, string? backTo) =>
        $"↩️ Deal #{deal} “{Escape(title)}” is handed back to its manager with your comment"
        + (backTo is null ? "." : $"; it is back at “{Escape(backTo)}”.");

    public override string TaskCancelledForTaker(long deal, string title, string stage) =>
        $"🚫 Task withdrawn: deal #{deal} “{Escape(title)}” left “{Escape(stage)}”.";

    public override string TaskCancelMoved => "the deal left the stage";
    public override string TaskCancelWon => "the deal was won";
    public override string TaskCancelLost => "the deal was lost";
    public override string TaskGone => "This task is already closed.";
    public override string TaskNotYours => "This task belongs to another department.";
    public override string TaskAlreadyTaken => "Someone has already taken this task.";

    public override string TasksMineHeader(int count) => $"🛠 <b>Your tasks</b>: {count}";

    public override string TaskLine(long deal, string title, string client, string stage, int days, string? takenBy) =>
        $"• #{deal} {Clip(client)}{(title == client ? "" : $" “{Clip(title)}”")} — “{Escape(stage)}”, {Plural.En(days, "day", "days")}"
        + (takenBy is null ? " · waiting" : $" · in work with {Clip(takenBy, 24)}");

    public override string TasksAllHeader(int count) => $"🛠 <b>Stage tasks</b>: {count}";

    public override string TasksHolderLine(string holder, int count, int waiting, int oldestDays) =>
        $"🏢 <b>{Clip(holder)}</b> — {count} ({waiting} waiting), oldest {Plural.En(oldestDays, "day", "days")}";

    public override string TasksOnMyDealsHeader(int count) => $"📨 <b>Your deals held by others</b>: {count}";
    public override string TasksManagersHolder => "the deals' managers";
    public override string TasksMore(int more) => $"… and {more} more";

    public override string TasksNone() =>
        "🛠 No open tasks. A task appears when a deal enters a stage a department or a person owns "
        + "(/stage set &lt;stage&gt; owner &lt;dept&gt;).";

    public override string DigestHolders => "🛠 <b>Who holds deals</b>";

    public override string DigestHolderLine(string holder, int count, int oldestDays, int averageDays) =>
        $"• {Escape(holder)} — {count}, longest {Plural.En(oldestDays, "day", "days")}, {averageDays} on average";

    public override string DigestRottingHeldLine(int deal, string title, string manager, decimal amount, string stage, string holder, int days, int allowed) =>
        $"🐢 #{deal} {Escape(title)} ({Escape(manager)}) — {Money(amount, "")}, stuck with {Bold(holder)} at “{Escape(stage)}”, {days} days of {allowed}";

    public override string PlanStuckHeldBy(string holder) => $" — with {Bold(holder)}";

    public override string StageOwnerTasksMoved(int tasks, string owner) =>
        $"🛠 {Plural.En(tasks, "open task of the stage went", "open tasks of the stage went")} to {Escape(owner)}.";

    public override string StageRemovedTasks(int closed, int opened, string target) =>
        $"🛠 The stage's open tasks: {closed} closed"
        + (opened == 0 ? "." : $"; {Plural.En(opened, "new task", "new tasks")} at “{Escape(target)}”.");

    public override string DeptRemovedTasks(int tasks) =>
        $"🛠 {Plural.En(tasks, "open task", "open tasks")} of the department went to the deals' managers (/tasks).";

    public override string DeptRemoveTasksAsk(int tasks) =>
        $"• {Plural.En(tasks, "open task goes", "open tasks go")} to the deals' managers";

    protected override void AddStageTasksDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["tasks"] = new("departments' tasks at their stages: mine, or everyone's for heads",
            "/tasks — your department's open tasks (buttons: take, done, hand back); heads see everyone's, by department, with ages. "
            + "A task appears when a deal enters a stage a department owns (/stage set &lt;stage&gt; owner &lt;dept&gt;)",
            "/tasks");
    }
}
