using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// <c>/report products</c>: deals won in the period, per product and month of the win — the number of won deals with
/// the product, the quantity and the amount of its lines — with the change against the previous month of the
/// period. A won deal without lines counts its amount under «no product». Two GROUP BY queries (lines of won deals,
/// won deals without lines) with the month as a <c>CASE</c> over local month starts.
/// </summary>
public sealed class ProductsReport : IReport
{
    public string Kind => "products";

    public async Task<ReportResult> BuildAsync(ChatCrmDbContext db, ReportRequest request, Texts t, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(t);
        var (from, to) = request.Utc;
        var months = request.Period.Months().ToList();
        var bounds = months.Skip(1).Select(m => ReportScope.Midnight(m, request.Zone)).ToList();
        var won = Reports.Deals(db, request).Where(d => d.Status == DealStatus.Won && d.ClosedAt >= from && d.ClosedAt < to);

        var lines = await db.DealLines.AsNoTracking()
            .Join(won, l => l.DealId, d => d.Id, (l, d) => new LineRow { ProductId = l.ProductId, DealId = l.DealId, Quantity = l.Quantity, Amount = l.Amount, ClosedAt = d.ClosedAt })
            .Select(ReportScope.With(ReportScope.Bucket<LineRow>(r => r.ClosedAt, bounds),
                (r, b) => new { r.ProductId, r.DealId, r.Quantity, r.Amount, Month = b }))
            .GroupBy(x => new { x.ProductId, x.Month })
            .Select(g => new { g.Key.ProductId, g.Key.Month, Deals = g.Select(x => x.DealId).Distinct().Count(), Quantity = g.Sum(x => x.Quantity), Amount = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var bare = await won.Where(d => !db.DealLines.Any(l => l.DealId == d.Id))
            .Select(ReportScope.With(ReportScope.Bucket<Deal>(d => d.ClosedAt, bounds), (d, b) => new { d.Amount, Month = b }))
            .GroupBy(x => x.Month).Select(g => new { Month = g.Key, Deals = g.Count(), Amount = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var dealsWon = await won.CountAsync(ct);

        var ids = lines.Select(l => l.ProductId).ToHashSet();
        var names = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var figures = lines.Select(l => (Product: names.GetValueOrDefault(l.ProductId, "?"), l.Month, l.Deals, l.Quantity, l.Amount))
            .Concat(bare.Select(b => (Product: t.NoProduct, b.Month, b.Deals, Quantity: 0, b.Amount))).ToList();
        var products = figures.GroupBy(f => f.Product).OrderByDescending(g => g.Sum(f => f.Amount))
            .ThenBy(g => g.Key, StringComparer.CurrentCultureIgnoreCase).Select(g => g.Key).ToList();
        var labels = months.Select(m => m.ToString("MM.yyyy", CultureInfo.InvariantCulture)).ToList();

        var rows = new List<IReadOnlyList<object?>>();
        var summary = new List<string> { dealsWon == 0 ? t.ReportNothing : t.ProductsReportTotals(dealsWon, t.Money(figures.Sum(f => f.Amount), request.Currency)) };
        var series = new List<ChartSeries>();
        foreach (var product in products)
        {
            decimal? previous = null;
            var values = new List<double>();
            for (var i = 0; i < months.Count; i++)
            {
                var month = figures.Where(f => f.Product == product && f.Month == i).ToList();
                var amount = month.Sum(f => f.Amount);
                rows.Add([product, labels[i], month.Sum(f => f.Deals), month.Sum(f => f.Quantity), amount,
                    previous is { } p ? amount - p : null, previous is { } q ? Reports.Percent(amount - q, q) : null]);
                previous = amount;
                values.Add((double)amount);
            }

            series.Add(new ChartSeries(product, values));
            var all = figures.Where(f => f.Product == product).ToList();
            var change = months.Count > 1 ? Change(all.Where(f => f.Month == months.Count - 1).Sum(f => f.Amount), all.Where(f => f.Month == months.Count - 2).Sum(f => f.Amount)) : null;
            summary.Add(t.ProductsReportLine(product, all.Sum(f => f.Deals), t.Money(all.Sum(f => f.Amount), request.Currency), change));
        }

        var title = t.ProductsReportTitle(PeriodFormatter.Describe(request.Period, t.Language));
        return new ReportResult(title, summary,
            [new ReportTable(t.ReportTableProducts, [t.ReportColProduct, t.ReportColMonth, t.ReportColDeals, t.ReportColQuantity,
                t.ReportColAmount, t.ReportColChange, t.ReportColChangePercent], rows)],
            new ReportChart(title, ChartShape.Lines, labels, series));

        string Change(decimal last, decimal before) =>
            (last >= before ? "+" : "−") + t.Money(Math.Abs(last - before), request.Currency)
            + (Reports.Percent(last - before, before) is { } percent ? $", {(percent >= 0 ? "+" : "−")}{Math.Abs(percent).ToString("0.#", t.Culture)}%" : "");
    }

    /// <summary>A line of a won deal with the deal's close; a named type so the month expression can see it.</summary>
    private sealed class LineRow
    {
        public long ProductId { get; init; }

        public long DealId { get; init; }

        public int Quantity { get; init; }

        public decimal Amount { get; init; }

        public DateTime? ClosedAt { get; init; }
    }
}
