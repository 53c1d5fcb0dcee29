namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // Reports: managers, activity, obligations, products. Every string argument is plain text (a period named by
    // PeriodFormatter, an amount from Money, a product name) and is escaped here.
    public abstract string ManagersReportTitle(string period);
    public abstract string ActivityReportTitle(string period);
    public abstract string ObligationsReportTitle(string period);
    public abstract string ProductsReportTitle(string period);

    public abstract string ReportColManager { get; }
    public abstract string ReportColClientsInWork { get; }
    public abstract string ReportColTouches { get; }
    public abstract string ReportColNorm { get; }
    public abstract string ReportColNormShare { get; }
    public abstract string ReportColWorkType { get; }
    public abstract string ReportColNewDeals { get; }
    public abstract string ReportColWon { get; }
    public abstract string ReportColLost { get; }
    public abstract string ReportColWinRate { get; }
    public abstract string ReportColAvgDays { get; }
    public abstract string ReportColWeighted { get; }
    public abstract string ReportColTarget { get; }
    public abstract string ReportColPaid { get; }
    public abstract string ReportColDay { get; }
    public abstract string ReportColWeek { get; }
    public abstract string ReportColTotal { get; }
    public abstract string ReportColAge { get; }
    public abstract string ReportColOwed { get; }
    public abstract string ReportColPayments { get; }
    public abstract string ReportColExpected { get; }
    public abstract string ReportColReceived { get; }
    public abstract string ReportColOverdue { get; }
    public abstract string ReportColShipments { get; }
    public abstract string ReportColLateShipments { get; }
    public abstract string ReportColProduct { get; }
    public abstract string ReportColMonth { get; }
    public abstract string ReportColDeals { get; }
    public abstract string ReportColQuantity { get; }
    public abstract string ReportColAmount { get; }
    public abstract string ReportColChange { get; }
    public abstract string ReportColChangePercent { get; }

    public abstract string ReportTableManagers { get; }
    public abstract string ReportTableTouches { get; }
    public abstract string ReportTableActivity { get; }
    public abstract string ReportTableAgeing { get; }
    public abstract string ReportTableObligationsByManager { get; }
    public abstract string ReportTableProducts { get; }

    /// <summary>The name of an ageing column: not yet due, 0–30, 31–60, 61–90, 90+ days.</summary>
    public abstract string AgeBucketName(Domain.Crm.AgeBucket bucket);

    public abstract string NoProduct { get; }

    public abstract string ManagersReportTotals(int clients, int touches, decimal? normShare, int newDeals, int won, int lost, decimal? winRate, string paid, string target, string weighted);
    public abstract string ActivityReportTotals(int touches, int managers, bool weekly);
    public abstract string ObligationsOwed(string owed, string overdue, int payments);
    public abstract string ObligationsPeriod(string expected, string received);
    public abstract string ObligationsShipments(int expected, int done, int late);
    public abstract string ProductsReportLine(string product, int deals, string amount, string? change);
    public abstract string ProductsReportTotals(int deals, string amount);
    public abstract string ReportNothing { get; }
}
