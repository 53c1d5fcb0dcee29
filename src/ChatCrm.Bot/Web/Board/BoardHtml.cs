using System.Globalization;
using System.Text;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Web.Board;

/// <summary>
/// The board as server-rendered HTML, which the page's script puts in place and makes draggable. Every value is
/// escaped here; the script adds behaviour, never markup of its own from data.
/// </summary>
public static class BoardHtml
{
    public static string Render(BoardView board, User user, Texts t, DateTime nowUtc)
    {
        var zone = TimeZones.Find(user.TimeZoneId) ?? TimeZoneInfo.Utc;
        var html = new StringBuilder(16 * 1024);
        WebHtml.Tabs(html, t, user, WebView.Board);
        Filters(html, board, t);
        html.Append("<div class=\"board\" data-cycle=\"").Append(board.Cycle.Id).Append("\">");
        foreach (var column in board.Columns)
        {
            html.Append("<section class=\"column\" data-stage=\"").Append(column.StageId).Append("\">");
            Header(html, column, t);
            html.Append("<ol class=\"cards\">");
            foreach (var card in column.Cards)
            {
                Card(html, card, column, board.ShowsOwners, t, zone, nowUtc);
            }

            html.Append("</ol>");
            More(html, column, 0, board.Filter, t);
            html.Append("</section>");
        }

        html.Append("</div>");

        // Outside the board, fixed at the foot of the screen while a card is carried: in reach from any column.
        html.Append("<div class=\"zones\">");
        html.Append("<section class=\"zone won\" data-zone=\"won\"><h2>").Append(Esc(t.WebWonZone)).Append("</h2></section>");
        html.Append("<section class=\"zone lost\" data-zone=\"lost\"><h2>").Append(Esc(t.WebLostZone)).Append("</h2></section>");
        html.Append("</div>");
        MoveSheet(html, board, t);
        return html.ToString();
    }

    /// <summary>The next cards of one column, for its «more» button: the cards and the column's next «more».</summary>
    public static string RenderMore(BoardColumn column, int skip, BoardFilter filter, User user, bool showsOwners, Texts t, DateTime nowUtc)
    {
        var zone = TimeZones.Find(user.TimeZoneId) ?? TimeZoneInfo.Utc;
        var html = new StringBuilder(8 * 1024);
        html.Append("<template class=\"cards\">");
        foreach (var card in column.Cards)
        {
            Card(html, card, column, showsOwners, t, zone, nowUtc);
        }

        html.Append("</template>");
        More(html, column, skip, filter, t);
        return html.ToString();
    }

    public static string NoCycles(User user, Texts t)
    {
        var html = new StringBuilder();
        WebHtml.Tabs(html, t, user, WebView.Board);
        html.Append("<p class=\"empty\">").Append(Esc(t.WebNoCycles)).Append("</p>");
        return html.ToString();
    }

    private static void Filters(StringBuilder html, BoardView board, Texts t)
    {
        html.Append("<form class=\"filters\" data-view=\"board\">");
        if (board.Cycles.Count > 1)
        {
            WebHtml.Select(html, "cycle", t.WebCycleLabel, null, Options(board.Cycles, t), Id(board.Cycle.Id));
        }

        if (board.Managers.Count > 0)
        {
            WebHtml.Select(html, "manager", t.WebManagerLabel, t.WebAllManagers, Options(board.Managers, t), Id(board.Filter.ManagerId));
        }

        if (board.Segments.Count > 0)
        {
            WebHtml.Select(html, "segment", t.WebSegmentLabel, t.WebAllSegments, Options(board.Segments, t), Id(board.Filter.SegmentId));
        }

        html.Append("</form>");
    }

    private static IEnumerable<(string, string)> Options(IEnumerable<BoardChoice> choices, Texts t) =>
        choices.Select(c => (c.Id.ToString(CultureInfo.InvariantCulture), BuiltInNames.Show(c.Name, t.Language)));

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);

    private static void Header(StringBuilder html, BoardColumn column, Texts t)
    {
        html.Append("<header><h2>").Append(Esc(BuiltInNames.Show(column.Name, t.Language))).Append("</h2><p class=\"total\">")
            .Append(Esc(t.WebDealCount(column.Count)));
        if (column.Count > 0)
        {
            html.Append(" · ").Append(Esc(Html.PlainText(t.Money(column.Sum, CurrencyOf(column)))));
        }

        html.Append("</p></header>");
    }

    private static string CurrencyOf(BoardColumn column) => column.Cards.Count > 0 ? column.Cards[0].Currency : "";

    private static void Card(StringBuilder html, BoardCard card, BoardColumn column, bool showsOwners, Texts t, TimeZoneInfo zone, DateTime nowUtc)
    {
        html.Append("<li class=\"card").Append(card.Rotting ? " rotting" : "").Append("\" data-deal=\"").Append(card.DealId)
            .Append("\" tabindex=\"0\"><div class=\"line\"><b class=\"client\">").Append(Esc(card.Client)).Append("</b><span class=\"amount\">")
            .Append(Esc(Html.PlainText(t.Money(card.Amount, card.Currency)))).Append("</span></div>");
        html.Append("<div class=\"title\">#").Append(card.DealId).Append(' ').Append(Esc(card.Title)).Append("</div>");
        html.Append("<div class=\"meta\"><span class=\"days\"");
        if (card.Rotting && column.DaysAllowed is { } allowed)
        {
            html.Append(" title=\"").Append(Esc(t.WebRotting(allowed))).Append('"');
        }

        html.Append('>').Append(card.Rotting ? "⏰ " : "").Append(Esc(t.WebDaysInStage(card.DaysInStage))).Append("</span>");
        html.Append("<span class=\"next").Append(card.NextContactUtc is { } due && due < nowUtc ? " overdue" : "").Append("\">")
            .Append(Esc(card.NextContactUtc is { } next ? t.WebNextContact(TimeZones.ToLocal(next, zone)) : t.WebNoNextContact)).Append("</span>");
        if (showsOwners && card.Owner is { } owner)
        {
            html.Append("<span class=\"owner\">").Append(Esc(owner)).Append("</span>");
        }

        html.Append("</div></li>");
    }

    private static void More(StringBuilder html, BoardColumn column, int skip, BoardFilter filter, Texts t)
    {
        if (!column.HasMore(skip))
        {
            return;
        }

        var next = skip + column.Cards.Count;
        html.Append("<button type=\"button\" class=\"more\" data-more=\"/app/part/column?stage=").Append(column.StageId).Append("&amp;skip=").Append(next)
            .Append(filter.ManagerId is { } m ? "&amp;manager=" + m.ToString(CultureInfo.InvariantCulture) : "")
            .Append(filter.SegmentId is { } s ? "&amp;segment=" + s.ToString(CultureInfo.InvariantCulture) : "")
            .Append("\">").Append(Esc(t.WebMoreCards(column.Count - next))).Append("</button>");
    }

    /// <summary>The same moves without dragging (a phone, a keyboard): a tapped card opens this with the stages as buttons.</summary>
    private static void MoveSheet(StringBuilder html, BoardView board, Texts t)
    {
        html.Append("<template id=\"move-sheet\"><p class=\"sheet-title\">").Append(Esc(t.WebMoveTo)).Append("</p><div class=\"choices\">");
        foreach (var column in board.Columns)
        {
            html.Append("<button type=\"button\" data-stage=\"").Append(column.StageId).Append("\">")
                .Append(Esc(BuiltInNames.Show(column.Name, t.Language))).Append("</button>");
        }

        html.Append("<button type=\"button\" data-zone=\"won\">").Append(Esc(t.WebWonZone)).Append("</button>");
        html.Append("<button type=\"button\" data-zone=\"lost\">").Append(Esc(t.WebLostZone)).Append("</button>");
        html.Append("</div></template>");
    }

    private static string Esc(string text) => WebHtml.Esc(text);
}
