using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string ManagersReportTitle(string period) => $"👥 Managers — {Escape(period)}";
    public override string ActivityReportTitle(string period) => $"📞 Activity — {Escape(period)}";
    public override string ObligationsReportTitle(string period) => $"💳 Obligations — {Escape(period)}";
    public override string ProductsReportTitle(string period) => $"📦 Products — {Escape(period)}";

    public override string ReportColManager => "Manager";
    public override string ReportColClientsInWork => "Clients in work";
    public override string ReportColTouches => "Touches";
    public override string ReportColNorm => "Norm";
    public override string ReportColNormShare => "% of norm";
    public override string ReportColWorkType => "Work type";
    public override string ReportColNewDeals => "New deals";
    public override string ReportColWon => "Won";
    public override string ReportColLost => "Lost";
    public override string ReportColWinRate => "Win rate, %";
    public override string ReportColAvgDays => "Avg duration, days";
    public override string ReportColWeighted => "Weighted forecast";
    public override string ReportColTarget => "Target";
    public override string ReportColPaid => "Paid";
    public override string ReportColDay => "Day";
    public override string ReportColWeek => "Week";
    public override string ReportColTotal => "Total";
    public override string ReportColAge => "Overdue by";
    public override string ReportColOwed => "Owed";
    public override string ReportColPayments => "Payments";
    public override string ReportColExpected => "Expected";
    public override string ReportColReceived => "Received";
    public override string ReportColOverdue => "Overdue";
    public override string ReportColShipments => "Shipments";

    public override string ReportColLateShipments => "Late shipments";
    public override string ReportColProduct => "Product";
    public override string ReportColMonth => "Month";
    public override string ReportColDeals => "Deals";
    public override string ReportColQuantity => "Quantity";
    public override string ReportColAmount => "Amount";
    public override string ReportColChange => "Change";
    public override string ReportColChangePercent => "Change, %";

    public override string ReportTableManagers => "Managers";
    public override string ReportTableTouches => "Touches by work type";
    public override string ReportTableActivity => "Activity";
    public override string ReportTableAgeing => "Receivables by age";
    public override string ReportTableObligationsByManager => "By manager";
    public override string ReportTableProducts => "Products by month";

    public override string AgeBucketName(AgeBucket bucket) => bucket switch
    {
        AgeBucket.NotYetDue => "not yet due",
        AgeBucket.UpTo30Days => "0–30 days",
        AgeBucket.Days31To60 => "31–60 days",
        AgeBucket.Days61To90 => "61–90 days",
        _ => "over 90 days",
    };

    public override string NoProduct => "no product";

    public override string ManagersReportTotals(int clients, int touches, decimal? normShare, int newDeals, int won, int lost, decimal? winRate, string paid, string target, string weighted) =>
        $"Clients in work: {clients}. Touches: {touches}" +
        (normShare is { } n ? $", norms met at {n.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}% (each work type against its own norm)" : "") + ".\n" +
        $"New deals: {newDeals}, won: {won}, lost: {lost}" + (winRate is { } r ? $", win rate {r.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%" : "") + ".\n" +
        $"Paid: {Escape(paid)}, target: {Escape(target)}, weighted forecast: {Escape(weighted)}.";

    public override string ActivityReportTotals(int touches, int managers, bool weekly) =>
        $"Touches done: {touches}, managers: {managers}. By {(weekly ? "week" : "day")}.";

    public override string ObligationsOwed(string owed, string overdue, int payments) =>
        $"Receivables: {Escape(owed)}, of which overdue {Escape(overdue)} (payments with a balance: {payments}).";

    public override string ObligationsPeriod(string expected, string received) => $"Expected in the period {Escape(expected)}, received {Escape(received)}.";

    public override string ObligationsShipments(int expected, int done, int late) =>
        $"Shipments in the period: {expected} expected, {done} done; late now: {late}.";

    public override string ProductsReportLine(string product, int deals, string amount, string? change) =>
        $"• {Escape(product)}: {Deals(deals)}, {Escape(amount)}" + (change is null ? "" : $" (vs last month {Escape(change)})");

    public override string ProductsReportTotals(int deals, string amount) => $"Won: {Deals(deals)} for {Escape(amount)}.";

    public override string ReportNothing => "No data for this period.";
}
