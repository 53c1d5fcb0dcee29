using System.Text;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Web;

/// <summary>The views of the board app; each has a page under /app and a server-rendered part under /app/part.</summary>
public enum WebView
{
    Board,
    Reports,
    Team,
    Clients,
}

/// <summary>Markup every view shares: the tabs of the views this user has.</summary>
public static class WebHtml
{
    public static void Tabs(StringBuilder html, Texts t, User user, WebView current)
    {
        html.Append("<nav class=\"tabs\" data-lang=\"").Append(t.Language == Language.En ? "en" : "ru").Append("\">");
        Tab(html, "/app/board", t.WebBoardTab, current == WebView.Board);
        Tab(html, "/app/reports", t.WebReportsTab, current == WebView.Reports);
        if (user.Role.Includes(Role.Head))
        {
            Tab(html, "/app/team", t.WebTeamTab, current == WebView.Team);
        }

        Tab(html, "/app/clients", t.WebClientsTab, current == WebView.Clients);

        html.Append("<span class=\"who\">").Append(Esc(user.DisplayName)).Append("</span>");
        html.Append("<button type=\"button\" class=\"logout\" hidden>").Append(Esc(t.WebLogout)).Append("</button>");
        html.Append("</nav>");
    }

    private static void Tab(StringBuilder html, string href, string label, bool current) =>
        html.Append("<a href=\"").Append(href).Append('"').Append(current ? " aria-current=\"page\"" : "").Append('>')
            .Append(Esc(label)).Append("</a>");

    /// <summary>A filter of a view's form: a labelled select, with an "all" option first when <paramref name="all"/> is given.</summary>
    public static void Select(StringBuilder html, string name, string label, string? all, IEnumerable<(string Value, string Text)> options, string? chosen)
    {
        html.Append("<label><span>").Append(Esc(label)).Append("</span><select name=\"").Append(name).Append("\">");
        if (all is not null)
        {
            html.Append("<option value=\"\">").Append(Esc(all)).Append("</option>");
        }

        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Esc(value)).Append('"').Append(value == chosen ? " selected" : "").Append('>')
                .Append(Esc(text)).Append("</option>");
        }

        html.Append("</select></label>");
    }

    public static string Esc(string text) => System.Net.WebUtility.HtmlEncode(text);
}
