using System.Text;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Pay;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Me;

/// <summary>
/// /me: the user's own month so far, in their time zone — touches by work type against the touch norms
/// (working days so far, see <see cref="TouchNorm.ExpectedBetween"/>), open deals and the weighted pipeline
/// (amount × stage probability), won and paid this month against the month's target. Own figures only, whatever
/// the role: the team's figures are the heads' digests.
/// </summary>
internal sealed class ShowMyMonth(IOptions<CrmOptions> crm) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var me = ctx.User.Id;
        var local = ctx.LocalNow;
        var today = DateOnly.FromDateTime(local);
        var firstDay = LocalCalendar.MonthStart(today);
        var monthStart = LocalCalendar.Month(today, ctx.Zone).FromUtc;
        var currency = crm.Value.Currency;

        var touches = await ctx.Db.Touches
            .Where(a => a.UserId == me && a.Status == TouchStatus.Done && a.HappenedAt >= monthStart && a.HappenedAt <= ctx.Now)
            .GroupBy(a => a.WorkTypeId)
            .Select(g => new { WorkTypeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.WorkTypeId, g => g.Count, ct);
        // The user's own norms (theirs, their department's or the company's), each work type against its own.
        var expected = (await Norms.LoadAsync(ctx.Db, ct)).Expected(me, ctx.User.DepartmentId, n => n.ExpectedBetween(firstDay, today));
        var workTypes = await ctx.Db.WorkTypes.OrderBy(w => w.Id).ToListAsync(ct);

        var open = await (
                from d in ctx.Db.Deals
                join s in ctx.Db.Stages on d.StageId equals s.Id
                where d.OwnerUserId == me && d.Status == DealStatus.Open
                select new { d.Amount, s.Probability })
            .ToListAsync(ct);
        var won = await ctx.Db.Deals
            .Where(d => d.OwnerUserId == me && d.Status == DealStatus.Won && d.ClosedAt >= monthStart)
            .Select(d => d.Amount)
            .ToListAsync(ct);
        var paid = await (
                from o in ctx.Db.Obligations
                join d in ctx.Db.Deals on o.DealId equals d.Id
                where d.OwnerUserId == me && o.Kind == ObligationKind.Payment && o.At >= monthStart
                select o.Amount)
            .ToListAsync(ct);
        var month = Target.MonthOf(local);
        var target = await ctx.Db.Targets.Where(t => t.UserId == me && t.Month == month).Select(t => (decimal?)t.Amount).FirstOrDefaultAsync(ct);

        var text = new StringBuilder(ctx.T.MeHeader(ctx.User.DisplayName, local));
        var lines = 0;
        foreach (var type in workTypes)
        {
            var done = touches.GetValueOrDefault(type.Id);
            int? norm = expected.TryGetValue(type.Id, out var e) ? e : null;
            if (done == 0 && (type.IsRetired || norm is null))
            {
                continue;
            }

            text.Append('\n').Append(ctx.T.MeTouches(ctx.Shown(type.Name), done, norm));
            lines++;
        }

        if (lines == 0)
        {
            text.Append('\n').Append(ctx.T.MeNoTouches());
        }

        var pipeline = open.Sum(d => d.Amount);
        var weighted = decimal.Round(open.Sum(d => d.Amount * d.Probability / 100m), 2);
        text.Append("\n\n").Append(ctx.T.MePipeline(open.Count, pipeline, weighted, currency));
        text.Append('\n').Append(ctx.T.MeWon(won.Count, won.Sum(), target, currency));
        text.Append('\n').Append(ctx.T.MePaid(paid.Sum(a => a ?? 0), target, currency));
        if (target is null)
        {
            text.Append('\n').Append(ctx.T.MeNoTarget());
        }

        await MePay.AppendAsync(ctx, today, currency, text, ct);

        ctx.Reply(new Reply(text.ToString(), [[Button.Callback("💼 /deals", CommandTable.Run("deals"))]]));
    }
}
