namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // Stage tasks: the work a department or a person owes on a deal at a stage they own; /tasks.

    public abstract string TaskTakeButton { get; }

    /// <summary>Plain text; the code adds « → next stage» when there is one.</summary>
    public abstract string TaskDoneButton { get; }

    public abstract string TaskBackButton { get; }

    /// <summary>Under a hand-back, for the manager: move the deal to the stage again, which makes a new task.</summary>
    public abstract string TaskResendButton { get; }

    /// <summary>The deal's card as the owning side gets it; <paramref name="next"/> is where «done» sends it (null: the last stage).</summary>
    public abstract string TaskCard(long deal, string title, string client, decimal amount, string currency, string manager, string stage, string owner, string? next);

    public abstract string TaskTakenBy(string who);

    /// <summary>To the manager who put the deal at an owned stage: the task went to <paramref name="owner"/> (<paramref name="people"/> of them).</summary>
    public abstract string TaskSent(long deal, string stage, string owner, int people);

    /// <summary>To the deal's manager when someone else put the deal at an owned stage.</summary>
    public abstract string TaskArrivedForManager(long deal, string title, string stage, string owner);

    public abstract string TaskTakenForManager(long deal, string title, string stage, string who, string owner);

    /// <summary>To the deal's manager: the work is done; <paramref name="next"/> null means the deal is at its last stage and waits to be closed.</summary>
    public abstract string TaskDoneForManager(long deal, string title, string stage, string who, string? next);

    /// <summary>To whoever tapped «done».</summary>
    public abstract string TaskDone(long deal, string title, string stage, string? next);

    public abstract string TaskAskComment(long deal, string stage, string? backTo);

    /// <summary>To the deal's manager: handed back with a comment; <paramref name="backTo"/> null means the deal stayed at the stage.</summary>
    public abstract string TaskReturnedForManager(long deal, string title, string stage, string who, string comment, string? backTo);

    /// <summary>To whoever handed it back.</summary>
    public abstract string TaskReturned(long deal, string title, string? backTo);

    /// <summary>To the person who had taken a task when the deal left the stage another way.</summary>
    public abstract string TaskCancelledForTaker(long deal, string title, string stage);

    /// <summary>Stored as a cancelled task's comment (plain text).</summary>
    public abstract string TaskCancelMoved { get; }

    public abstract string TaskCancelWon { get; }
    public abstract string TaskCancelLost { get; }

    /// <summary>Toasts (plain text): a stale or forged task button.</summary>
    public abstract string TaskGone { get; }

    public abstract string TaskNotYours { get; }
    public abstract string TaskAlreadyTaken { get; }

    // /tasks
    public abstract string TasksMineHeader(int count);

    /// <summary>One open task in a list: the deal, the stage, for how long, and who took it (null: waiting).</summary>
    public abstract string TaskLine(long deal, string title, string client, string stage, int days, string? takenBy);

    public abstract string TasksAllHeader(int count);

    /// <summary>One holder in a head's /tasks and in the digest's: how many open tasks, how many still waiting, the oldest's age.</summary>
    public abstract string TasksHolderLine(string holder, int count, int waiting, int oldestDays);

    public abstract string TasksOnMyDealsHeader(int count);

    /// <summary>Who holds a task handed back to the managers, in lists.</summary>
    public abstract string TasksManagersHolder { get; }

    public abstract string TasksMore(int more);

    public abstract string TasksNone();

    // The digest and stuck deals.
    public abstract string DigestHolders { get; }

    public abstract string DigestHolderLine(string holder, int count, int oldestDays, int averageDays);

    /// <summary>A deal stuck at a stage a department or person owns: its days count against them.</summary>
    public abstract string DigestRottingHeldLine(int deal, string title, string manager, decimal amount, string stage, string holder, int days, int allowed);

    /// <summary>After a manager's stuck deal in the morning plan: the stage is another side's, the days count against them.</summary>
    public abstract string PlanStuckHeldBy(string holder);

    /// <summary>After «stage owner set»: the stage's open tasks went to the new owner too.</summary>
    public abstract string StageOwnerTasksMoved(int tasks, string owner);

    // Removing a stage or a department with open work.

    /// <summary>After «stage removed»: <paramref name="closed"/> open tasks were closed, <paramref name="opened"/> new ones made at the target.</summary>
    public abstract string StageRemovedTasks(int closed, int opened, string target);

    /// <summary>After «department removed»: its open tasks went to the deals' managers.</summary>
    public abstract string DeptRemovedTasks(int tasks);

    /// <summary>In the question before removing a department: where its open tasks will go.</summary>
    public abstract string DeptRemoveTasksAsk(int tasks);
}
