using System.Text;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Team;

/// <summary>
/// /team: today by manager — touches done vs planned, each work type against the manager's own norm for it (today
/// against the daily norms, the week against the weekly ones; see <see cref="NormBook"/>), overdue and forgotten, deals
/// moved, won and lost, and the month's won amount vs the target. Every figure is a SQL count or sum grouped by manager;
/// a big team runs on over several messages.
/// </summary>
internal sealed class ShowTeam(IOptions<CrmOptions> crm, CompanySettings settings) : ICommandHandler
{
    /// <summary>Room for one message, under Telegram's 4096 characters with the HTML tags counted.</summary>
    private const int PageBudget = 3800;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var managers = await Colleagues.ManagersAsync(ctx, ct);
        if (managers.Count == 0)
        {
            ctx.Reply(ctx.T.NoActiveManagers());
            return;
        }

        var forgottenDays = await settings.GetForgottenAfterDaysAsync(ctx.Db, ct);
        var team = await TeamFigures.LoadAsync(ctx.Db, managers, ctx.Zone, ctx.Now, forgottenDays, ct);
        var today = team.LocalToday;
        var book = team.Book;
        var workTypes = team.WorkTypes;
        var names = workTypes.ToDictionary(w => w.Id, w => ctx.Shown(w.Name));
        var company = book.Company.Where(n => names.ContainsKey(n.WorkTypeId)).ToList();

        var header = new StringBuilder(ctx.T.TeamHeader(today, managers.Count)).Append('\n').Append(book.IsEmpty ? ctx.T.TeamNoNorms()
            : company.Count == 0 ? ctx.T.NormsOverridesHint
            : ctx.T.TeamNormsLead + " " + string.Join(" · ", company.OrderBy(n => n.Period).ThenBy(n => names[n.WorkTypeId])
                .Select(n => ctx.T.NormItem(names[n.WorkTypeId], n.Count, n.Period == NormPeriod.Week)))).ToString();
        var currency = crm.Value.Currency;
        var blocks = new List<string>();
        foreach (var m in team.Managers)
        {
            var block = new StringBuilder(ctx.T.TeamLine(m.Manager.DisplayName, m.Done, m.Planned, m.Overdue, m.Forgotten, m.Moved, m.Won, m.Lost));

            // Each work type against its own norm: today the daily norms, over the week the weekly ones.
            if (m.DailyNorms.Count > 0)
            {
                block.Append('\n').Append(ctx.T.TeamNormsToday).Append(' ')
                    .Append(Norms.Figures(ctx.T, workTypes, m.DailyNorms, w => m.DoneTodayByType.GetValueOrDefault(w)));
            }

            if (m.WeeklyNorms.Count > 0)
            {
                block.Append('\n').Append(ctx.T.TeamNormsWeek).Append(' ')
                    .Append(Norms.Figures(ctx.T, workTypes, m.WeeklyNorms, w => m.DoneThisWeekByType.GetValueOrDefault(w)));
            }

            if (m.Target is { } target)
            {
                block.Append('\n').Append(ctx.T.TeamTargetLine(ctx.T.Money(m.WonThisMonth, currency), ctx.T.Money(target, currency),
                    (int)Math.Round(m.WonThisMonth * 100m / target)));
            }
            else if (m.WonThisMonth > 0)
            {
                block.Append('\n').Append(ctx.T.TeamWonLine(ctx.T.Money(m.WonThisMonth, currency)));
            }

            blocks.Add(block.ToString());
        }

        // A big team does not fit one message: the managers run on over as many as needed, the buttons under the last.
        var pages = new List<StringBuilder> { new(header) };
        foreach (var block in blocks)
        {
            if (pages[^1].Length + block.Length + 2 > PageBudget)
            {
                pages.Add(new StringBuilder());
            }

            (pages[^1].Length == 0 ? pages[^1] : pages[^1].Append("\n\n")).Append(block);
        }

        foreach (var page in pages.SkipLast(1))
        {
            ctx.Reply(page.ToString());
        }

        ctx.Reply(new Reply(pages[^1].ToString(),
            [.. managers.Take(UserLookup.PickerSize).Select(m => Button.Callback($"📋 {m.DisplayName}", $"plans:{m.Id}")).Chunk(3).Select(r => (IReadOnlyList<Button>)r)]));
    }
}
