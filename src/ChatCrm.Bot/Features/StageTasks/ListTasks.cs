using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.StageTasks;

/// <summary>
/// /tasks: the open tasks the user's side owes (their department's, theirs in person, or — handed back when a department
/// went — their own deals'), each with its buttons; a head sees everyone's, grouped by who holds them, with counts and
/// ages; a manager also sees which of their deals other sides hold. <c>/tasks back &lt;task&gt; &lt;comment&gt;</c> is
/// how the typed comment of «↩️» arrives.
/// </summary>
internal sealed class ListTasks : ICommandHandler
{
    public const string Name = "tasks";
    public const string BackWord = "back";
    private const int Shown = 15;
    private const int ShownPerHolder = 5;

    private sealed record Row(long TaskId, StageTaskStatus Status, DateTime CreatedAt, long? TakenBy, string Stage, long? DepartmentId, long? UserId,
        long DealId, string Title, long Manager, string Client);

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var words = args.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length > 0 && string.Equals(words[0], BackWord, StringComparison.OrdinalIgnoreCase))
        {
            await BackAsync(ctx, words, ct);
            return;
        }

        var rows = await OpenAsync(ctx, ct);
        var names = await NamesAsync(ctx, rows, ct);
        var me = ctx.User;
        var mine = rows.Where(r => r.DepartmentId is { } d ? d == me.DepartmentId : r.UserId is { } u ? u == me.Id : r.Manager == me.Id).ToList();
        var text = new StringBuilder();
        var buttons = new List<IReadOnlyList<Button>>();
        if (mine.Count > 0)
        {
            text.Append(ctx.T.TasksMineHeader(mine.Count));
            foreach (var r in mine.Take(Shown))
            {
                text.Append('\n').Append(Line(ctx, r, names));
                buttons.Add(TaskViews.ListRow(r.TaskId, r.Status, r.DealId));
            }

            More(ctx, text, mine.Count - Shown);
        }

        var others = ctx.SeesEverything() ? rows.Except(mine).ToList() : rows.Where(r => r.Manager == me.Id).Except(mine).ToList();
        if (others.Count > 0)
        {
            text.Append(text.Length == 0 ? "" : "\n\n").Append(ctx.SeesEverything() ? ctx.T.TasksAllHeader(others.Count) : ctx.T.TasksOnMyDealsHeader(others.Count));
            foreach (var group in others.GroupBy(r => (r.DepartmentId, r.UserId)).OrderByDescending(g => g.Count()))
            {
                text.Append('\n').Append(ctx.T.TasksHolderLine(Holder(ctx, group.First(), names), group.Count(),
                    group.Count(r => r.Status == StageTaskStatus.Waiting), group.Max(r => TaskViews.Days(r.CreatedAt, ctx.Now))));
                foreach (var r in group.OrderBy(r => r.CreatedAt).Take(ShownPerHolder))
                {
                    text.Append('\n').Append(Line(ctx, r, names));
                }

                More(ctx, text, group.Count() - ShownPerHolder);
            }
        }

        ctx.Reply(text.Length == 0 ? new Reply(ctx.T.TasksNone()) : new Reply(text.ToString(), buttons));
    }

    private static async Task BackAsync(BotContext ctx, string[] words, CancellationToken ct)
    {
        if (words.Length < 2 || !long.TryParse(words[1].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ctx.Reply(ctx.T.HowToUse(Name));
            return;
        }

        if (words.Length < 3)
        {
            // Asked again: a comment is what the manager needs.
            if (await TaskButtons.LoadAsync(ctx, id, toast: false, ct) is var (task, deal))
            {
                var back = await TaskViews.PreviousStageAsync(ctx.Db, deal, ct);
                ctx.Ask(Name, $"{BackWord} {id.ToString(CultureInfo.InvariantCulture)}",
                    new Reply(ctx.T.TaskAskComment(deal.Id, BuiltInNames.Show(task.StageName, ctx.T.Language), back is null ? null : BuiltInNames.Show(back.Name, ctx.T.Language)),
                        [[Dialogs.Cancel(ctx.T)]]));
            }

            return;
        }

        await TaskButtons.ReturnAsync(ctx, id, words[2], ct);
    }

    /// <summary>Every open task the user may know of: a head's all, anyone else's those of the deals they see or the work they owe.</summary>
    private static async Task<List<Row>> OpenAsync(BotContext ctx, CancellationToken ct)
    {
        var (me, department) = (ctx.User.Id, ctx.User.DepartmentId);
        var head = ctx.SeesEverything();
        var rows = await ctx.Db.StageTasks.AsNoTracking()
            .Where(t => t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)
            .Join(ctx.Db.Deals, t => t.DealId, d => d.Id, (t, d) => new { t, d })
            .Where(x => head || x.d.OwnerUserId == me || x.t.UserId == me || (department != null && x.t.DepartmentId == department))
            .Join(ctx.Db.Clients, x => x.d.ClientId, c => c.Id, (x, c) => new Row(x.t.Id, x.t.Status, x.t.CreatedAt, x.t.TakenByUserId, x.t.StageName,
                x.t.DepartmentId, x.t.UserId, x.d.Id, x.d.Title, x.d.OwnerUserId, c.Name))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.TaskId)];
    }

    private sealed record Names(IReadOnlyDictionary<long, string> Departments, IReadOnlyDictionary<long, string> Users);

    private static async Task<Names> NamesAsync(BotContext ctx, List<Row> rows, CancellationToken ct)
    {
        var departmentIds = rows.Select(r => r.DepartmentId).OfType<long>().Distinct().ToList();
        var userIds = rows.Select(r => r.UserId).Concat(rows.Select(r => r.TakenBy)).OfType<long>().Distinct().ToList();
        return new Names(
            departmentIds.Count == 0 ? new Dictionary<long, string>() : await ctx.Db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            userIds.Count == 0 ? new Dictionary<long, string>() : await ctx.Db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct));
    }

    private static string Line(BotContext ctx, Row r, Names names) =>
        ctx.T.TaskLine(r.DealId, r.Title, r.Client, BuiltInNames.Show(r.Stage, ctx.T.Language), TaskViews.Days(r.CreatedAt, ctx.Now),
            r.Status == StageTaskStatus.InWork && r.TakenBy is { } by ? names.Users.GetValueOrDefault(by, "?") : null);

    private static string Holder(BotContext ctx, Row r, Names names) =>
        r.DepartmentId is { } d ? names.Departments.GetValueOrDefault(d, "?")
        : r.UserId is { } u ? names.Users.GetValueOrDefault(u, "?")
        : ctx.T.TasksManagersHolder;

    private static void More(BotContext ctx, StringBuilder text, int more)
    {
        if (more > 0)
        {
            text.Append('\n').Append(ctx.T.TasksMore(more));
        }
    }
}
