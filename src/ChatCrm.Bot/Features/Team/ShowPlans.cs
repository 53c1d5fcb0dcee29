using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using User = ChatCrm.Core.Domain.Users.User;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /plans [manager]: each manager's planned contacts — overdue, today and the next seven days — in the
/// manager's own time zone, as they see them. Without a name: a short block per manager and a button to open one.
/// </summary>
internal sealed class ShowPlans : ICommandHandler, ICallbackHandler
{
    private const int ItemsPerManager = 5;
    private const int ItemsForOne = 40;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var managers = await Colleagues.ManagersAsync(ctx, ct);
        if (args.Trim().Length == 0)
        {
            await ShowAsync(ctx, managers, ItemsPerManager, ct);
            return;
        }

        var people = await Colleagues.ActiveAsync(ctx, ct);
        if (Colleagues.Find(people, args) is { } one)
        {
            await ShowAsync(ctx, [one], ItemsForOne, ct);
        }
        else
        {
            Colleagues.AskWhich(ctx, "plans", "{0}", ctx.T.ManagerNotFound(args), managers.Count > 0 ? managers : people, args);
        }
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var user = args.Count == 1 && long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await ctx.Db.Users.FirstOrDefaultAsync(u => u.Id == id, ct)
            : null;
        if (user is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        ctx.SourceMessageId = null;
        await ShowAsync(ctx, [user], ItemsForOne, ct);
    }

    private static async Task ShowAsync(BotContext ctx, IReadOnlyList<User> managers, int limit, CancellationToken ct)
    {
        if (managers.Count == 0)
        {
            ctx.Reply(ctx.T.NoActiveManagers());
            return;
        }

        var ids = managers.Select(m => m.Id).ToList();
        var horizon = ctx.Now.AddDays(8);
        var items = await ctx.Db.Touches
            .Where(a => ids.Contains(a.UserId) && a.Status == TouchStatus.Planned && a.PlannedFor < horizon)
            .Join(ctx.Db.Clients, a => a.ClientId, c => c.Id, (a, c) => new { a.UserId, a.PlannedFor, a.Note, a.WorkTypeId, Client = c.Name })
            .Join(ctx.Db.WorkTypes, x => x.WorkTypeId, w => w.Id, (x, w) => new { x.UserId, x.PlannedFor, x.Note, x.Client, WorkType = w.Name })
            .OrderBy(x => x.PlannedFor)
            .ToListAsync(ct);

        var text = new StringBuilder(ctx.T.PlansHeader(ctx.LocalNow));
        foreach (var m in managers)
        {
            var zone = TimeZones.Find(m.TimeZoneId) ?? ctx.Zone;
            var today = LocalCalendar.Today(ctx.Now, zone);
            var (todayEnd, weekEnd) = (LocalCalendar.StartOfDay(today.AddDays(1), zone), LocalCalendar.StartOfDay(today.AddDays(8), zone));
            var mine = items.Where(i => i.UserId == m.Id && i.PlannedFor < weekEnd).ToList();
            var overdue = mine.Count(i => i.PlannedFor < ctx.Now);
            var forToday = mine.Count(i => i.PlannedFor >= ctx.Now && i.PlannedFor < todayEnd);
            text.Append("\n\n").Append(ctx.T.PlansManager(m.DisplayName, overdue, forToday, mine.Count - overdue - forToday));
            DateTime? day = null;
            foreach (var i in mine.Take(limit))
            {
                var local = TimeZones.ToLocal(i.PlannedFor!.Value, zone);
                if (limit > ItemsPerManager && local.Date != day && i.PlannedFor >= ctx.Now)
                {
                    day = local.Date;
                    text.Append('\n').Append(ctx.T.PlansDay(local.Date));
                }

                text.Append('\n').Append(ctx.T.PlanItem(local, i.WorkType, i.Client, Clip(i.Note), i.PlannedFor < ctx.Now));
            }

            if (mine.Count > limit)
            {
                text.Append('\n').Append(ctx.T.PlansMore(mine.Count - limit));
            }
        }

        ctx.Reply(new Reply(text.ToString(), managers.Count == 1 ? null :
            [.. managers.Take(UserLookup.PickerSize).Select(m => Button.Callback($"📋 {m.DisplayName}", $"plans:{m.Id}")).Chunk(3).Select(r => (IReadOnlyList<Button>)r)]));
    }

    private static string Clip(string note) => note.Length > 60 ? note[..59] + "…" : note;
}
