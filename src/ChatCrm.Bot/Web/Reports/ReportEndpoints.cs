using System.Globalization;
using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Web.Auth;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Web.Reports;

/// <summary>
/// The reports of /report on the board: the same kinds, periods and narrowing, the same figures (each
/// <see cref="IReport"/> builds them once for the chat, the file and the page), drawn as the chat's chart with the
/// tables beneath, and the same XLSX. Whose figures a manager may see is decided by <see cref="ReportScope.ManagerFor"/>,
/// the chat's own rule.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/part/reports", PartAsync);
        app.MapGet("/api/reports", JsonAsync);
        app.MapGet("/api/reports/xlsx", XlsxAsync);
        return app;
    }

    /// <summary>What the page asks for: a kind, a period code (as the chat's buttons code it) and the narrowing.</summary>
    private sealed record Asked(IReport Report, ReportPeriod Period, long? ManagerId, long? SegmentId, long? CycleId);

    /// <summary>A report built for a signed-in user, with what was asked and in which words.</summary>
    private sealed record Built(User User, Asked Asked, ReportRequest Request, ReportResult Result, Texts T);

    private static async Task<IResult> PartAsync(HttpContext http, WebSignIn signIn, ChatCrmDbContext db, TimeProvider time, IOptions<CrmOptions> crm,
        CancellationToken ct)
    {
        var (built, problem) = await BuildAsync(http, signIn, db, time, crm, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (user, asked, request, result, t) = built!;
        var html = new StringBuilder(32 * 1024);
        WebHtml.Tabs(html, t, user, WebView.Reports);
        await FormAsync(html, db, user, asked, request.Zone, request.NowUtc, t, ct);
        Result(html, result, asked, t);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> JsonAsync(HttpContext http, WebSignIn signIn, ChatCrmDbContext db, TimeProvider time, IOptions<CrmOptions> crm,
        CancellationToken ct)
    {
        var (built, problem) = await BuildAsync(http, signIn, db, time, crm, ct);
        return problem ?? Results.Json(new { built!.Result.Title, built.Result.Summary, built.Result.Tables, built.Result.Chart });
    }

    private static async Task<IResult> XlsxAsync(HttpContext http, WebSignIn signIn, ChatCrmDbContext db, TimeProvider time, IOptions<CrmOptions> crm,
        CancellationToken ct)
    {
        var (built, problem) = await BuildAsync(http, signIn, db, time, crm, ct);
        if (problem is not null)
        {
            return problem;
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.File(ReportFiles.Xlsx(built!.Result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ReportFiles.FileName(built.Asked.Report.Kind, built.Request, "xlsx"));
    }

    /// <summary>
    /// What every report request does first, for the page, the JSON and the file alike: the sign-in, what was asked,
    /// whose figures this user may see (the chat's own rule), and the report itself.
    /// </summary>
    private static async Task<(Built? Built, IResult? Problem)> BuildAsync(HttpContext http, WebSignIn signIn, ChatCrmDbContext db, TimeProvider time,
        IOptions<CrmOptions> crm, CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return (null, Results.Unauthorized());
        }

        var zone = TimeZones.Find(user.TimeZoneId) ?? TimeZoneInfo.Utc;
        var now = time.GetUtcNow().UtcDateTime;
        if (Read(http.Request.Query, zone, now) is not { } asked)
        {
            return (null, Bad());
        }

        if (!ReportScope.ManagerFor(user, asked.ManagerId, out var managerId))
        {
            return (null, Results.NotFound(new { error = "A manager's reports are their own." }));
        }

        var t = Texts.For(user.LanguageOr(crm.Value.Language));
        var request = new ReportRequest(asked.Period, zone, now, managerId, asked.SegmentId, asked.CycleId, crm.Value.Currency);
        var result = await asked.Report.BuildAsync(db, request, t, ct);
        return (new Built(user, asked, request, result, t), null);
    }

    private static Asked? Read(IQueryCollection q, TimeZoneInfo zone, DateTime nowUtc)
    {
        var kind = q["kind"].ToString();
        var report = kind.Length == 0 ? Features.Reports.Reports.All[0] : Features.Reports.Reports.All.FirstOrDefault(r => r.Kind == kind);
        var code = q["period"].ToString();
        var period = code.Length == 0 ? ReportPeriod.MonthOf(Today(zone, nowUtc)) : ShowReport.DecodePeriod(code);
        if (report is null || period is null || !Id(q["manager"], out var manager) || !Id(q["segment"], out var segment) || !Id(q["cycle"], out var cycle))
        {
            return null;
        }

        return new Asked(report, period, manager, segment, cycle);
    }

    private static bool Id(string? raw, out long? id)
    {
        id = null;
        if (string.IsNullOrEmpty(raw))
        {
            return true;
        }

        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            id = value;
            return true;
        }

        return false;
    }

    private static IResult Bad() => Results.BadRequest(new
    {
        error = $"kind is one of {string.Join(", ", Features.Reports.Reports.All.Select(r => r.Kind))}; period a code such as M20261201; "
            + "manager, segment and cycle ids (positive whole numbers) or left out.",
    });

    private static DateOnly Today(TimeZoneInfo zone, DateTime nowUtc) => DateOnly.FromDateTime(TimeZones.ToLocal(nowUtc, zone));

    private static async Task FormAsync(StringBuilder html, ChatCrmDbContext db, User user, Asked asked, TimeZoneInfo zone, DateTime nowUtc, Texts t,
        CancellationToken ct)
    {
        html.Append("<form class=\"filters\" data-view=\"reports\">");
        WebHtml.Select(html, "kind", t.WebReportLabel, null,
            Features.Reports.Reports.All.Select(r => (r.Kind, t.ReportKindName(r.Kind))), asked.Report.Kind);

        var today = Today(zone, nowUtc);
        var periods = new List<(string, string)>
        {
            (ShowReport.EncodePeriod(ReportPeriod.MonthOf(today)), t.ReportLabel("thisMonth")),
            (ShowReport.EncodePeriod(ReportPeriod.MonthOf(today.AddMonths(-1))), t.ReportLabel("lastMonth")),
            (ShowReport.EncodePeriod(ReportPeriod.QuarterOf(today)), t.ReportLabel("thisQuarter")),
            (ShowReport.EncodePeriod(ReportPeriod.YearOf(today)), t.ReportLabel("thisYear")),
        };
        var chosen = ShowReport.EncodePeriod(asked.Period);
        if (periods.All(p => p.Item1 != chosen))
        {
            periods.Insert(0, (chosen, PeriodFormatter.Describe(asked.Period, t.Language)));
        }

        WebHtml.Select(html, "period", t.WebPeriodLabel, null, periods, chosen);
        if (user.Role.Includes(Role.Head))
        {
            var people = await db.Users.AsNoTracking().ActiveSalespeople().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
            WebHtml.Select(html, "manager", t.WebManagerLabel, t.WebAllManagers, people.Select(p => (Str(p.Id), p.DisplayName)), Str(asked.ManagerId));
        }

        var segments = await db.Segments.AsNoTracking().Where(s => !s.IsRetired).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        if (segments.Count > 0)
        {
            WebHtml.Select(html, "segment", t.WebSegmentLabel, t.WebAllSegments, segments.Select(s => (Str(s.Id), s.Name)), Str(asked.SegmentId));
        }

        var cycles = await db.Cycles.AsNoTracking().Where(c => !c.IsRetired).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        if (cycles.Count > 1)
        {
            WebHtml.Select(html, "cycle", t.WebCycleLabel, t.WebAllCycles, cycles.Select(c => (Str(c.Id), c.Name)), Str(asked.CycleId));
        }

        html.Append("</form>");
    }

    private static void Result(StringBuilder html, ReportResult result, Asked asked, Texts t)
    {
        html.Append("<article class=\"report\"><h1>").Append(WebHtml.Esc(result.Title)).Append(" — ")
            .Append(WebHtml.Esc(PeriodFormatter.Describe(asked.Period, t.Language))).Append("</h1>");
        foreach (var line in result.Summary)
        {
            html.Append("<p class=\"summary\">").Append(WebHtml.Esc(Html.PlainText(line))).Append("</p>");
        }

        if (result.Chart is { } chart && chart.Labels.Count > 0)
        {
            html.Append("<img class=\"chart\" alt=\"").Append(WebHtml.Esc(chart.Title)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(ReportPicture.Render(chart, t.Culture))).Append("\">");
        }

        foreach (var table in result.Tables)
        {
            Table(html, table, t);
        }

        html.Append("<button type=\"button\" class=\"xlsx\" data-file=\"/api/reports/xlsx?").Append(WebHtml.Esc(Query(asked)))
            .Append("\" data-press=\"").Append(WebHtml.Esc(Press(asked))).Append("\">📥 ").Append(WebHtml.Esc(t.ReportExcelButton)).Append("</button>");
        html.Append("</article>");
    }

    private static void Table(StringBuilder html, ReportTable table, Texts t)
    {
        var numeric = Enumerable.Range(0, table.Columns.Count)
            .Select(i => table.Rows.Count > 0 && table.Rows.All(r => r[i] is null or int or long or decimal or double)).ToArray();
        html.Append("<div class=\"table\"><table><caption>").Append(WebHtml.Esc(table.Name)).Append("</caption><thead><tr>");
        for (var i = 0; i < table.Columns.Count; i++)
        {
            html.Append(numeric[i] ? "<th class=\"n\">" : "<th>").Append(WebHtml.Esc(table.Columns[i])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i < numeric.Length && numeric[i] ? "<td class=\"n\">" : "<td>").Append(WebHtml.Esc(ReportText.Cell(t, row[i]))).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
    }

    private static string Query(Asked asked) =>
        $"kind={asked.Report.Kind}&period={ShowReport.EncodePeriod(asked.Period)}"
        + (asked.ManagerId is { } m ? "&manager=" + Str(m) : "")
        + (asked.SegmentId is { } s ? "&segment=" + Str(s) : "")
        + (asked.CycleId is { } c ? "&cycle=" + Str(c) : "");

    /// <summary>Inside Telegram the file goes to the chat, as the chat's own «Excel» button sends it (one narrowing, as there).</summary>
    private static string Press(Asked asked)
    {
        var filter = asked.ManagerId is { } m ? ":u" + Str(m) : asked.SegmentId is { } s ? ":s" + Str(s) : asked.CycleId is { } c ? ":c" + Str(c) : "";
        return $"{ShowReport.Prefix}:x:{asked.Report.Kind}:{ShowReport.EncodePeriod(asked.Period)}{filter}";
    }

    private static string Str(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "";
}
