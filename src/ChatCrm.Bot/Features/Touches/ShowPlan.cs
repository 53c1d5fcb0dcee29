using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>/today: my overdue contacts, today's plan and my forgotten clients, each with done / snooze buttons.</summary>
internal sealed class ShowToday(CompanySettings settings) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct) =>
        await ShowPlan.ShowAsync(ctx, days: 1, await settings.GetForgottenAfterDaysAsync(ctx.Db, ct), ct);
}

/// <summary>/week: the same for today and the six days after it, grouped by day.</summary>
internal sealed class ShowWeek(CompanySettings settings) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct) =>
        await ShowPlan.ShowAsync(ctx, days: 7, await settings.GetForgottenAfterDaysAsync(ctx.Db, ct), ct);
}

internal static class ShowPlan
{
    // Two buttons an item, four a row: 24 items stay well inside Telegram's 100 buttons and 4096 characters.
    private const int MaxOverdue = 8;
    private const int MaxPlanned = 12;
    private const int MaxForgotten = 4;
    private const int NoteInLine = 60;

    public static async Task ShowAsync(BotContext ctx, int days, int forgottenAfterDays, CancellationToken ct)
    {
        var end = LocalCalendar.StartOfDay(LocalCalendar.Today(ctx.Now, ctx.Zone).AddDays(days), ctx.Zone);
        var mine = ctx.Db.Touches.Where(a => a.UserId == ctx.User.Id && a.Status == TouchStatus.Planned);
        var overdueTotal = await mine.CountAsync(a => a.PlannedFor < ctx.Now, ct);
        var plannedTotal = await mine.CountAsync(a => a.PlannedFor >= ctx.Now && a.PlannedFor < end, ct);
        var overdue = await Items(mine.Where(a => a.PlannedFor < ctx.Now), ctx, MaxOverdue, ct);
        var planned = await Items(mine.Where(a => a.PlannedFor >= ctx.Now && a.PlannedFor < end), ctx, MaxPlanned, ct);
        var (forgotten, forgottenTotal) = await Forgotten.FindAsync(ctx, ctx.User.Id, forgottenAfterDays, MaxForgotten, ct);

        var text = new StringBuilder(days == 1 ? ctx.T.TodayHeader(ctx.LocalNow.ToString("ddd d MMMM", ctx.T.Culture)) : ctx.T.WeekHeader());
        var buttons = new List<Button>();
        var n = 0;
        if (overdue.Count > 0)
        {
            text.Append("\n\n").Append(ctx.T.OverdueHeader(overdueTotal));
            foreach (var item in overdue)
            {
                AppendItem(ctx, text, buttons, ++n, item, ctx.InWords(item.Touch.PlannedFor!.Value));
            }

            More(ctx, text, overdueTotal - overdue.Count);
        }

        text.Append("\n\n").Append(days == 1 ? ctx.T.PlannedTodayHeader(plannedTotal) : ctx.T.PlannedWeekHeader(plannedTotal));
        if (planned.Count == 0)
        {
            text.Append('\n').Append(ctx.T.NothingPlanned());
        }

        DateOnly? day = null;
        foreach (var item in planned)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(item.Touch.PlannedFor!.Value, ctx.Zone);
            if (days > 1 && DateOnly.FromDateTime(local) != day)
            {
                day = DateOnly.FromDateTime(local);
                text.Append('\n').Append(ctx.T.DayHeader(ctx.InWords(item.Touch.PlannedFor!.Value, withTime: false)));
            }

            AppendItem(ctx, text, buttons, ++n, item, local.ToString("HH:mm", CultureInfo.InvariantCulture));
        }

        More(ctx, text, plannedTotal - planned.Count);
        if (forgotten.Count > 0)
        {
            text.Append("\n\n").Append(ctx.T.ForgottenHeader(forgottenTotal));
            foreach (var f in forgotten)
            {
                n++;
                text.Append('\n').Append(ctx.T.ForgottenLine(n, f.Client.Name, f.DaysSilent(ctx.Now)));
                buttons.Add(Button.Callback($"✅ {n}", ClientActions.Data(ClientActions.LogNow, f.Client.Id)));
                buttons.Add(Button.Callback($"⏰ {n}", ClientActions.Data(ClientActions.Snooze, f.Client.Id)));
            }

            More(ctx, text, forgottenTotal - forgotten.Count);
        }

        if (buttons.Count > 0)
        {
            text.Append("\n\n").Append(ctx.T.PlanButtonsHint());
        }

        var rows = buttons.Chunk(4).Select(r => (IReadOnlyList<Button>)r).ToList();
        ctx.Reply(new Reply(text.ToString(), rows));
    }

    private sealed record Item(Touch Touch, string Client, string WorkType);

    private static async Task<List<Item>> Items(IQueryable<Touch> touches, BotContext ctx, int max, CancellationToken ct) =>
        (await touches
            .Join(ctx.Db.Clients, a => a.ClientId, c => c.Id, (a, c) => new { a, Client = c.Name })
            .Join(ctx.Db.WorkTypes, x => x.a.WorkTypeId, w => w.Id, (x, w) => new { x.a, x.Client, WorkType = w.Name })
            .OrderBy(x => x.a.PlannedFor).ThenBy(x => x.a.Id)
            .Take(max)
            .ToListAsync(ct))
        .Select(x => new Item(x.a, x.Client, x.WorkType)).ToList();

    private static void AppendItem(BotContext ctx, StringBuilder text, List<Button> buttons, int n, Item item, string when)
    {
        var note = item.Touch.Note.Length <= NoteInLine ? item.Touch.Note : item.Touch.Note[..NoteInLine] + "…";
        text.Append('\n').Append(ctx.T.PlanLine(n, when, ctx.Shown(item.WorkType), item.Client, note));
        buttons.Add(Button.Callback($"✅ {n}", MarkContactDone.Data(item.Touch.Id, fromPlan: true)));
        buttons.Add(Button.Callback($"⏰ {n}", PostponeContact.Data(item.Touch.Id, PostponeContact.ByADay, fromPlan: true)));
    }

    private static void More(BotContext ctx, StringBuilder text, int more)
    {
        if (more > 0)
        {
            text.Append('\n').Append(ctx.T.AndMore(more));
        }
    }
}
