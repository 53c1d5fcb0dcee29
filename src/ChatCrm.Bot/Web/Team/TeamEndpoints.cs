using System.Globalization;
using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Web.Auth;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Web.Team;

/// <summary>
/// The team at a glance, for heads and admins as /team is: <see cref="TeamFigures"/> (the chat's own numbers) as one row
/// per manager; a manager's name opens their board.
/// </summary>
public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeam(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/part/team", PartAsync);
        app.MapGet("/api/team", JsonAsync);
        return app;
    }

    private static async Task<IResult> PartAsync(HttpContext http, WebSignIn signIn, ChatCrmDbContext db, CompanySettings settings, TimeProvider time,
        IOptions<CrmOptions> crm, CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        if (!user.Role.Includes(Role.Head))
        {
            return NotForManagers();
        }

        var t = Texts.For(user.LanguageOr(crm.Value.Language));
        var team = await LoadAsync(db, settings, user, time, ct);
        var html = new StringBuilder(16 * 1024);
        WebHtml.Tabs(html, t, user, WebView.Team);
        Render(html, team, t, crm.Value.Currency);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> JsonAsync(HttpContext http, WebSignIn signIn, ChatCrmDbContext db, CompanySettings settings, TimeProvider time,
        CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        if (!user.Role.Includes(Role.Head))
        {
            return NotForManagers();
        }

        var team = await LoadAsync(db, settings, user, time, ct);
        return Results.Json(team.Managers.Select(m => new
        {
            m.Manager.Id,
            m.Manager.DisplayName,
            m.Done,
            m.Planned,
            m.Overdue,
            m.Forgotten,
            m.Moved,
            m.Won,
            m.Lost,
            m.OpenDeals,
            m.Pipeline,
            m.WonThisMonth,
            m.Target,
        }));
    }

    private static IResult NotForManagers() =>
        Results.Json(new { error = "The team view is for heads and admins, as /team is." }, statusCode: StatusCodes.Status403Forbidden);

    private static async Task<TeamDay> LoadAsync(ChatCrmDbContext db, CompanySettings settings, User user, TimeProvider time, CancellationToken ct)
    {
        var managers = await Colleagues.ManagersAsync(db, user, ct);
        var zone = TimeZones.Find(user.TimeZoneId) ?? TimeZoneInfo.Utc;
        return await TeamFigures.LoadAsync(db, managers, zone, time.GetUtcNow().UtcDateTime, await settings.GetForgottenAfterDaysAsync(db, ct), ct);
    }

    private static void Render(StringBuilder html, TeamDay team, Texts t, string currency)
    {
        html.Append("<article class=\"team\"><h1>").Append(WebHtml.Esc(Html.PlainText(t.TeamHeader(team.LocalToday, team.Managers.Count))))
            .Append("</h1>");
        if (team.Managers.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(WebHtml.Esc(Html.PlainText(t.NoActiveManagers()))).Append("</p></article>");
            return;
        }

        var names = team.WorkTypes.ToDictionary(w => w.Id, w => BuiltInNames.Show(w.Name, t.Language));
        html.Append("<div class=\"table\"><table><thead><tr>");
        foreach (var (heading, numeric) in new[]
        {
            (t.WebTeamManager, false), (t.WebTeamTouches, true), (t.WebTeamNormsToday, false), (t.WebTeamNormsWeek, false),
            (t.WebTeamOverdue, true), (t.WebTeamForgotten, true), (t.WebTeamPipeline, true), (t.WebTeamWonLost, true), (t.WebTeamMonth, true),
        })
        {
            html.Append(numeric ? "<th class=\"n\">" : "<th>").Append(WebHtml.Esc(heading)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var m in team.Managers)
        {
            html.Append("<tr data-manager=\"").Append(m.Manager.Id).Append("\"><td><a href=\"/app/board?manager=")
                .Append(m.Manager.Id.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(WebHtml.Esc(m.Manager.DisplayName)).Append("</a></td>");
            Number(html, $"{m.Done} / {m.Planned}");
            Norms(html, names, m.DailyNorms, m.DoneTodayByType);
            Norms(html, names, m.WeeklyNorms, m.DoneThisWeekByType);
            Number(html, m.Overdue.ToString(CultureInfo.InvariantCulture), warn: m.Overdue > 0);
            Number(html, m.Forgotten.ToString(CultureInfo.InvariantCulture), warn: m.Forgotten > 0);
            Number(html, $"{m.OpenDeals} · {Html.PlainText(t.Money(m.Pipeline, currency))}");
            Number(html, $"{m.Won} / {m.Lost}");
            var month = Html.PlainText(t.Money(m.WonThisMonth, currency));
            Number(html, m.Target is { } target and > 0
                ? $"{month} / {Html.PlainText(t.Money(target, currency))} ({(int)Math.Round(m.WonThisMonth * 100m / target)}%)"
                : month, warn: false);
            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></article>");
    }

    private static void Number(StringBuilder html, string text, bool warn = false) =>
        html.Append(warn ? "<td class=\"n warn\">" : "<td class=\"n\">").Append(WebHtml.Esc(text)).Append("</td>");

    /// <summary>Each work type's done count against its norm («звонок 12/20»), short of the norm marked.</summary>
    private static void Norms(StringBuilder html, IReadOnlyDictionary<long, string> names, IReadOnlyDictionary<long, int> norms,
        IReadOnlyDictionary<long, int> done)
    {
        html.Append("<td class=\"norms\">");
        foreach (var (type, norm) in norms.Where(n => names.ContainsKey(n.Key)).OrderBy(n => names[n.Key], StringComparer.CurrentCulture))
        {
            var count = done.GetValueOrDefault(type);
            html.Append("<span class=\"").Append(count >= norm ? "met" : "short").Append("\">").Append(WebHtml.Esc(names[type])).Append(' ')
                .Append(count).Append('/').Append(norm).Append("</span> ");
        }

        html.Append("</td>");
    }
}
