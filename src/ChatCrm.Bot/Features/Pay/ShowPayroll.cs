using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>
/// /payroll [month] (heads): every manager's pay for a month (this one by default; «ноябрь», «11.2026»,
/// «прошлый месяц» — <see cref="PeriodParser"/>) under the scheme in force in it, as a table — base, revenue %
/// (general, product and segment lines together), bonuses for won deals, piece rates, total — and the same figures
/// as an XLSX file (numbers as numbers). Each manager's month runs in their own time zone.
/// </summary>
internal sealed class ShowPayroll(IOptions<CrmOptions> crm) : ICommandHandler
{
    private const int MaxMessage = 4000;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(ctx.LocalNow);
        var month = LocalCalendar.MonthStart(today);
        if (args.Trim().Length > 0)
        {
            var reading = PeriodParser.TryParse(args, today);
            if (reading.Period is not { Kind: PeriodKind.Month } period)
            {
                ctx.Reply(ctx.T.PayrollBadMonth(args.Trim()));
                return;
            }

            month = period.First;
        }

        var schemes = await PayStore.AllAsync(ctx.Db, ct);
        if (PaySchemes.EffectiveFor(schemes, month) is null)
        {
            ctx.Reply(ctx.T.PayrollNoScheme(month));
            return;
        }

        var managers = await ctx.Db.Users.Salespeople()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync(ct);
        if (managers.Count == 0)
        {
            ctx.Reply(ctx.T.PayrollNoManagers());
            return;
        }

        var slips = await MonthPay.ForManyAsync(ctx.Db, schemes, managers, month, ct);
        var rows = new List<PayrollRow>();
        foreach (var m in managers)
        {
            var slip = slips[m.Id];

            // A manager who left with nothing to be paid for the month is not on its payroll.
            if (!m.IsActive && slip.Lines.All(l => l.Kind == PayLineKind.Base))
            {
                continue;
            }

            rows.Add(PayrollRow.From(m.DisplayName, slip));
        }

        var currency = crm.Value.Currency;
        var lines = rows.Select(r => ctx.T.PayrollRow(r.Name, ctx.T.Money(r.Base, currency), ctx.T.Money(r.Revenue, currency),
                ctx.T.Money(r.Bonuses, currency), ctx.T.Money(r.Piece, currency), ctx.T.Money(r.Total, currency)))
            .Append("")
            .Append(ctx.T.PayrollTotal(ctx.T.Money(rows.Sum(r => r.Total), currency)));

        // A big team's table goes out in as many messages as it takes, each within Telegram's limit.
        var text = new StringBuilder(ctx.T.PayrollHeader(month));
        foreach (var line in lines)
        {
            if (text.Length + line.Length + 1 > MaxMessage)
            {
                ctx.Reply(new Reply(text.ToString()));
                text.Clear();
            }

            text.Append(text.Length == 0 ? "" : "\n").Append(line);
        }

        ctx.Reply(new Reply(text.ToString()));
        ctx.SendDocument(Xlsx(ctx.T.PayrollColumns, rows), $"payroll-{month:yyyy-MM}.xlsx", ctx.T.PayrollCaption(month));
    }

    private static byte[] Xlsx(IReadOnlyList<string> columns, IReadOnlyList<PayrollRow> rows)
    {
        var sheet = rows.Select(r => new Dictionary<string, object>
        {
            [columns[0]] = r.Name,
            [columns[1]] = r.Base,
            [columns[2]] = r.Revenue,
            [columns[3]] = r.Bonuses,
            [columns[4]] = r.Piece,
            [columns[5]] = r.Total,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);
        return stream.ToArray();
    }

    private sealed record PayrollRow(string Name, decimal Base, decimal Revenue, decimal Bonuses, decimal Piece, decimal Total)
    {
        public static PayrollRow From(string name, Payslip slip)
        {
            decimal Sum(params PayLineKind[] kinds) => slip.Lines.Where(l => kinds.Contains(l.Kind)).Sum(l => l.Amount);
            return new(name, Sum(PayLineKind.Base), Sum(PayLineKind.Revenue, PayLineKind.ProductRevenue, PayLineKind.SegmentRevenue),
                Sum(PayLineKind.WonDeals), Sum(PayLineKind.Touches), slip.Total);
        }
    }
}
