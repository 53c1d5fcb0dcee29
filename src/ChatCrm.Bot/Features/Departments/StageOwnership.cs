using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Departments;

/// <summary>
/// Who is responsible for a stage: a department (lawyers own «Договор»), one person, or — as before departments — the
/// deals' managers. <c>/stage set &lt;stage&gt; owner &lt;dept|@person|none&gt;</c> declares it; /stages shows it;
/// <see cref="Visibility"/> lets the owner's people see the deals at the stage.
/// </summary>
internal static class StageOwnership
{
    /// <summary>The keyword of <c>/stage set</c>, in both languages.</summary>
    public static readonly string[] Owner = ["owner", "владелец", "ответственный"];

    private static readonly string[] Nobody = ["none", "no", "-", "нет", "никто", "managers", "менеджеры", "менеджер"];

    /// <summary>
    /// Gives the stage to the department or person <paramref name="text"/> names, or back to the managers. Returns the
    /// line to say; null when nothing matched and the user was asked to pick (nothing changed).
    /// </summary>
    public static async Task<string?> SetAsync(BotContext ctx, Stage stage, string text, CancellationToken ct)
    {
        var live = await DepartmentFinder.LiveAsync(ctx.Db, ct);
        long? departmentId = null, userId = null;
        if (Nobody.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            // the managers: both stay null
        }
        else if (DepartmentFinder.Find(live, text) is { } department)
        {
            departmentId = department.IsSales ? null : department.Id; // sales owning a stage is the managers owning it
        }
        else if (Colleagues.Find(await Colleagues.ActiveAsync(ctx, ct), text) is { } person)
        {
            userId = person.Id;
        }
        else
        {
            AskOwner(ctx, stage, live, ctx.T.StageOwnerNotFound(text));
            return null;
        }

        var before = await NameAsync(ctx.Db, stage.OwnerDepartmentId, stage.OwnerUserId, ct);
        stage.SetOwner(departmentId, userId);
        var after = await NameAsync(ctx.Db, departmentId, userId, ct);
        ctx.Audit.Record(AuditActions.StageOwner, stage.Name, before ?? "-", after ?? "-");
        var tasks = await TaskOwners.FollowStageAsync(ctx, stage, ct);
        return (after is null ? ctx.T.StageOwnerCleared(stage.Name) : ctx.T.StageOwnerSet(stage.Name, after))
            + (tasks == 0 ? "" : "\n" + ctx.T.StageOwnerTasksMoved(tasks, after ?? ctx.T.TasksManagersHolder));
    }

    /// <summary>Who owns the stage? The departments as buttons, «the deals' managers», or a person typed by name.</summary>
    public static void AskOwner(BotContext ctx, Stage stage, IEnumerable<Department> live, string question) =>
        ctx.AskChoice("stage", $"set {ProcessArgs.Ref('s', stage.Id)} owner {{0}}", question,
            [.. live.Where(d => !d.IsSales).Select(d => ($"🏢 {d.Name}", DepartmentFinder.Ref(d))), (ctx.T.StageOwnerNoneButton, "none")]);

    /// <summary>Each stage's owner by name (null: the deals' managers), for lists of stages.</summary>
    public static async Task<Func<Stage, string?>> NamesAsync(ChatCrmDbContext db, IReadOnlyCollection<Stage> stages, CancellationToken ct)
    {
        var departmentIds = stages.Select(s => s.OwnerDepartmentId).OfType<long>().Distinct().ToList();
        var userIds = stages.Select(s => s.OwnerUserId).OfType<long>().Distinct().ToList();
        var departments = departmentIds.Count == 0 ? [] : await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var users = userIds.Count == 0 ? [] : await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return s => s.OwnerDepartmentId is { } d ? departments.GetValueOrDefault(d)
            : s.OwnerUserId is { } u ? users.GetValueOrDefault(u)
            : null;
    }

    private static async Task<string?> NameAsync(ChatCrmDbContext db, long? departmentId, long? userId, CancellationToken ct) =>
        departmentId is { } d ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).FirstOrDefaultAsync(ct)
        : userId is { } u ? await db.Users.Where(x => x.Id == u).Select(x => x.DisplayName).FirstOrDefaultAsync(ct)
        : null;
}
