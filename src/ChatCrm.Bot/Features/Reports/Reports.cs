using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// Every kind /report knows, in the order its buttons are shown, and the words users type for each. A new kind is
/// one line in <see cref="All"/> (and its words in <see cref="Words"/> when it has Russian synonyms).
/// </summary>
public static class Reports
{
    public static readonly IReadOnlyList<IReport> All =
    [
        new FunnelReport(),
        new ManagersReport(),
        new LostReport(),
        new ProductsReport(),
        new ActivityReport(),
        new ObligationsReport(),
        new ForecastReport(),
    ];

    /// <summary>Russian (and spare English) words for each kind; the kind's own English word always works.</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["воронка"] = "funnel", ["воронку"] = "funnel", ["pipeline"] = "funnel",
        ["менеджеры"] = "managers", ["менеджер"] = "managers", ["manager"] = "managers",
        ["потери"] = "lost", ["причины"] = "lost", ["проигрыши"] = "lost", ["отказы"] = "lost", ["loss"] = "lost", ["losses"] = "lost",
        ["продукты"] = "products", ["товары"] = "products", ["product"] = "products",
        ["активность"] = "activity", ["касания"] = "activity",
        ["обязательства"] = "obligations", ["дебиторка"] = "obligations", ["receivables"] = "obligations",
        ["прогноз"] = "forecast",
    };

    /// <summary>The kind a typed word names, or null.</summary>
    public static IReport? Find(string word)
    {
        var kind = Words.GetValueOrDefault(word.Trim(), word.Trim());
        return All.FirstOrDefault(r => string.Equals(r.Kind, kind, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The deals a request is narrowed to: its manager, its clients' segment, its cycle.</summary>
    public static IQueryable<Deal> Deals(ChatCrmDbContext db, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var deals = db.Deals.AsNoTracking();
        if (request.ManagerId is { } manager)
        {
            deals = deals.Where(d => d.OwnerUserId == manager);
        }

        if (request.CycleId is { } cycle)
        {
            deals = deals.Where(d => d.CycleId == cycle);
        }

        if (request.SegmentId is { } segment)
        {
            deals = deals.Where(d => db.Clients.Any(c => c.Id == d.ClientId && c.SegmentId == segment));
        }

        return deals;
    }

    /// <summary>A share in percent with one decimal, or null when there is nothing to share.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);
}
