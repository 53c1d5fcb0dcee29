using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>What a stage task looks like in a message: the deal's card, the three buttons, who holds it.</summary>
internal static class TaskViews
{
    public const string Prefix = "tk";
    public const string Take = "take";
    public const string Done = "done";
    public const string Back = "back";

    /// <summary>The deal as the owning side needs it, names loaded once for every recipient's language.</summary>
    public sealed record Card(long Deal, string Title, string Client, decimal Amount, string Currency, string Manager, string Stage, string Owner,
        string? Next, string? TakenBy);

    /// <summary><c>tk:&lt;task&gt;:take|done|back</c>: ids only, far within 64 bytes.</summary>
    public static string Data(long taskId, string verb) => $"{Prefix}:{taskId.ToString(CultureInfo.InvariantCulture)}:{verb}";

    /// <summary>Waiting: all three; in work: done and back (taking it again means nothing).</summary>
    public static List<IReadOnlyList<Button>> Buttons(Texts t, StageTask task, string? next)
    {
        var done = next is null ? t.TaskDoneButton : $"{t.TaskDoneButton} → {BuiltInNames.Show(next, t.Language)}";
        List<IReadOnlyList<Button>> rows = [];
        if (task.Status == StageTaskStatus.Waiting)
        {
            rows.Add([Button.Callback(t.TaskTakeButton, Data(task.Id, Take))]);
        }

        rows.Add([Button.Callback(done, Data(task.Id, Done))]);
        rows.Add([Button.Callback(t.TaskBackButton, Data(task.Id, Back))]);
        return rows;
    }

    /// <summary>Short buttons for a list of tasks: one row per task, labelled with the deal's number.</summary>
    public static IReadOnlyList<Button> ListRow(long taskId, StageTaskStatus status, long dealId)
    {
        var n = dealId.ToString(CultureInfo.InvariantCulture);
        List<Button> row = [];
        if (status == StageTaskStatus.Waiting)
        {
            row.Add(Button.Callback($"🛠 #{n}", Data(taskId, Take)));
        }

        row.Add(Button.Callback($"✅ #{n}", Data(taskId, Done)));
        row.Add(Button.Callback($"↩️ #{n}", Data(taskId, Back)));
        return row;
    }

    public static string CardText(Texts t, Card c) =>
        t.TaskCard(c.Deal, c.Title, c.Client, c.Amount, c.Currency, c.Manager, BuiltInNames.Show(c.Stage, t.Language), c.Owner,
            c.Next is null ? null : BuiltInNames.Show(c.Next, t.Language))
        + (c.TakenBy is { } who ? "\n" + t.TaskTakenBy(who) : "");

    public static async Task<Card> CardAsync(ChatCrmDbContext db, StageTask task, Deal deal, CancellationToken ct)
    {
        var client = await db.Clients.Where(c => c.Id == deal.ClientId).Select(c => c.Name).FirstAsync(ct);
        var manager = await db.Users.Where(u => u.Id == deal.OwnerUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var next = await NextStageAsync(db, deal, ct);
        var takenBy = task.TakenByUserId is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return new Card(deal.Id, deal.Title, client, deal.Amount, deal.Currency, manager, task.StageName,
            await HolderNameAsync(db, task, ct), next?.Name, task.Status == StageTaskStatus.InWork ? takenBy : null);
    }

    /// <summary>The live stage after the deal's in its cycle; null at the last one.</summary>
    public static async Task<Stage?> NextStageAsync(ChatCrmDbContext db, Deal deal, CancellationToken ct)
    {
        var live = StageOrder.Live(await db.Stages.Where(s => s.CycleId == deal.CycleId && !s.IsRetired).ToListAsync(ct));
        var at = live.ToList().FindIndex(s => s.Id == deal.StageId);
        return at >= 0 && at + 1 < live.Count ? live[at + 1] : null;
    }

    /// <summary>The live stage before the deal's in its cycle; null at the first one.</summary>
    public static async Task<Stage?> PreviousStageAsync(ChatCrmDbContext db, Deal deal, CancellationToken ct)
    {
        var live = StageOrder.Live(await db.Stages.Where(s => s.CycleId == deal.CycleId && !s.IsRetired).ToListAsync(ct));
        var at = live.ToList().FindIndex(s => s.Id == deal.StageId);
        return at > 0 ? live[at - 1] : null;
    }

    /// <summary>The department's or the person's name; for a task handed to the managers, the deal's manager.</summary>
    public static async Task<string> HolderNameAsync(ChatCrmDbContext db, StageTask task, CancellationToken ct) =>
        task.DepartmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstAsync(ct)
        : task.UserId is { } u ? await db.Users.Where(x => x.Id == u).Select(x => x.DisplayName).FirstAsync(ct)
        : await db.Deals.Where(x => x.Id == task.DealId).Join(db.Users, x => x.OwnerUserId, x => x.Id, (_, x) => x.DisplayName).FirstAsync(ct);

    /// <summary>The active people who owe the work: the department's members, the person, or (handed back to the managers) the deal's manager.</summary>
    public static Task<List<User>> HoldersAsync(ChatCrmDbContext db, StageTask task, Deal deal, CancellationToken ct)
    {
        var (department, person, manager) = (task.DepartmentId, task.UserId, deal.OwnerUserId);
        return db.Users.Where(u => u.IsActive && (department != null ? u.DepartmentId == department
                : person != null ? u.Id == person
                : u.Id == manager))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync(ct);
    }

    /// <summary>Whether the user is of the side that owes the work (the same rule as <see cref="HoldersAsync"/>).</summary>
    public static bool Holds(User user, StageTask task, Deal deal) =>
        task.DepartmentId is { } d ? user.DepartmentId == d
        : task.UserId is { } u ? user.Id == u
        : user.Id == deal.OwnerUserId;

    /// <summary>Whole days since <paramref name="since"/>.</summary>
    public static int Days(DateTime since, DateTime nowUtc) => nowUtc <= since ? 0 : (int)(nowUtc - since).TotalDays;
}
