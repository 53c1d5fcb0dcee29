using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Departments;

/// <summary>
/// The departments as a list (people and owned stages per department) and one department as a card with its buttons.
/// Buttons: <c>dept:l</c> the list, <c>dept:c:&lt;id&gt;</c> a card, <c>dept:a</c> add, <c>dept:r|m|x:&lt;id&gt;</c> rename,
/// add a person, remove, <c>dept:xy:&lt;id&gt;:&lt;to&gt;</c> remove with its people moving to department <c>to</c>.
/// </summary>
internal sealed class ShowDepartments(CommandRunner runner) : ICallbackHandler
{
    public const string Prefix = "dept";

    /// <summary>A card names at most this many people, so a big sales department stays one message.</summary>
    private const int MaxNames = 40;

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var id = args.Count > 1 && long.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        var department = id is { } d ? await ctx.Db.Departments.FirstOrDefaultAsync(x => x.Id == d && !x.IsRetired, ct) : null;
        switch (args.Count > 0 ? args[0] : "")
        {
            case "l":
                await ListAsync(ctx, ct);
                break;
            case "a":
                ctx.Ask(DepartmentCommand.Name, "add", ctx.T.AskDeptName());
                break;
            case "c" when department is not null:
                await CardAsync(ctx, department, ct);
                break;
            case "r" when department is not null:
                ctx.Ask(DepartmentCommand.Name, $"rename {DepartmentFinder.Ref(department)}", ctx.T.AskDeptNewName(department.Name));
                break;
            case "m" when department is not null:
                ctx.Ask(DepartmentCommand.Name, $"{DepartmentFinder.Ref(department)} +", ctx.T.AskDeptMember(department.Name));
                break;
            case "x" when department is not null:
                ctx.SourceMessageId = null;
                await runner.RunCommandAsync(ctx, DepartmentCommand.Name, $"remove {DepartmentFinder.Ref(department)}", ct);
                break;
            case "xy" when department is not null && args.Count == 3 && long.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var to):
                ctx.SourceMessageId = null;
                await RemoveDepartment.RemoveAsync(ctx, department, to, ct);
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }

    public static async Task ListAsync(BotContext ctx, CancellationToken ct)
    {
        var live = await DepartmentFinder.LiveAsync(ctx.Db, ct);
        var people = await ctx.Db.Users.Where(u => u.IsActive).GroupBy(u => u.DepartmentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key ?? 0, g => g.Count, ct);
        var stages = await OwnedStagesAsync(ctx, ct);
        var text = new StringBuilder(ctx.T.DeptListHeader(live.Count));
        foreach (var d in live)
        {
            var count = people.GetValueOrDefault(d.IsSales ? 0 : d.Id);
            text.Append('\n').Append(ctx.T.DeptLine(d.Name, d.IsSales, count, stages[d.Id].ToList()));
        }

        text.Append("\n\n").Append(ctx.T.DeptListHint());
        List<IReadOnlyList<Button>> rows = [.. live.Select(d => Button.Callback($"🏢 {d.Name}", $"{Prefix}:c:{d.Id}")).Chunk(2)];
        rows.Add([Button.Callback(ctx.T.DeptAddButton, $"{Prefix}:a")]);
        ctx.Show(new Reply(text.ToString(), rows));
    }

    public static async Task CardAsync(BotContext ctx, Department department, CancellationToken ct)
    {
        var memberId = department.IsSales ? (long?)null : department.Id;
        var people = await ctx.Db.Users.Where(u => u.IsActive && u.DepartmentId == memberId)
            .OrderBy(u => u.DisplayName).Select(u => u.DisplayName).Take(MaxNames + 1).ToListAsync(ct);
        if (people.Count > MaxNames)
        {
            people[MaxNames] = "…";
        }

        var stages = (await OwnedStagesAsync(ctx, ct))[department.Id].ToList();
        ctx.Show(new Reply(ctx.T.DeptCard(department.Name, department.IsSales, people, stages), CardButtons(ctx.T, department)));
    }

    public static IReadOnlyList<IReadOnlyList<Button>> CardButtons(Texts t, Department department)
    {
        List<IReadOnlyList<Button>> rows = [[Button.Callback(t.DeptAddMemberButton, $"{Prefix}:m:{department.Id}")]];
        rows.Add(department.IsSales
            ? [Button.Callback(t.DeptRenameButton, $"{Prefix}:r:{department.Id}")]
            : [Button.Callback(t.DeptRenameButton, $"{Prefix}:r:{department.Id}"), Button.Callback(t.DeptRemoveButton, $"{Prefix}:x:{department.Id}")]);
        rows.Add([Button.Callback(t.DeptListButton, $"{Prefix}:l")]);
        return rows;
    }

    /// <summary>A name that matched no department: the live ones as buttons that open their cards.</summary>
    public static void NotFound(BotContext ctx, IEnumerable<Department> live, string query) =>
        ctx.Reply(new Reply(ctx.T.DeptNotFound(query),
            [.. live.Select(d => Button.Callback($"🏢 {d.Name}", $"{Prefix}:c:{d.Id}")).Chunk(2)]));

    /// <summary>The live stages each department owns, «Цикл: Этап» when there are several cycles.</summary>
    private static async Task<ILookup<long, string>> OwnedStagesAsync(BotContext ctx, CancellationToken ct)
    {
        var owned = await ctx.Db.Stages.Where(s => !s.IsRetired && s.OwnerDepartmentId != null)
            .Join(ctx.Db.Cycles.Where(c => !c.IsRetired), s => s.CycleId, c => c.Id, (s, c) => new { Department = s.OwnerDepartmentId!.Value, Cycle = c.Name, s.Name, s.Position })
            .ToListAsync(ct);
        var severalCycles = owned.Select(o => o.Cycle).Distinct().Count() > 1;
        return owned.OrderBy(o => o.Cycle).ThenBy(o => o.Position)
            .ToLookup(o => o.Department, o => severalCycles ? $"{o.Cycle}: {o.Name}" : o.Name);
    }
}
