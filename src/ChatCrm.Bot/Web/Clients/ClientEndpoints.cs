using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Web.Auth;
using ChatCrm.Core.Messages;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Web.Clients;

/// <summary>
/// Clients on the board: a search that is the chat's /card (the same lookup by name, phone or e-mail, the same
/// visibility, the same card with its deals and history buttons), shown on the page; its buttons run as the chat's.
/// </summary>
public static class ClientEndpoints
{
    public const int MaxQuery = 200;

    public static IEndpointRouteBuilder MapClients(this IEndpointRouteBuilder app)
    {
        app.MapGet("/app/part/clients", PartAsync);
        return app;
    }

    private static async Task<IResult> PartAsync(HttpContext http, WebSignIn signIn, WebActions actions, IOptions<CrmOptions> crm, CancellationToken ct)
    {
        if (await signIn.UserAsync(http, ct) is not { } user)
        {
            return Results.Unauthorized();
        }

        var query = http.Request.Query["q"].ToString().Trim();
        if (query.Length > MaxQuery)
        {
            return Results.BadRequest(new { error = $"q is a client's name, phone or e-mail, at most {MaxQuery} characters." });
        }

        var t = Texts.For(user.LanguageOr(crm.Value.Language));
        var html = new StringBuilder(8 * 1024);
        WebHtml.Tabs(html, t, user, WebView.Clients);
        html.Append("<form class=\"search\" data-view=\"clients\" role=\"search\"><input type=\"search\" name=\"q\" maxlength=\"").Append(MaxQuery)
            .Append("\" autocomplete=\"off\" placeholder=\"").Append(WebHtml.Esc(t.WebClientSearch)).Append("\" value=\"").Append(WebHtml.Esc(query))
            .Append("\"><button type=\"submit\">").Append(WebHtml.Esc(t.WebFind)).Append("</button></form>");
        if (query.Length > 0)
        {
            if (await actions.CommandAsync(user.Id, "card", query, ct) is not { } outcome)
            {
                return Results.Unauthorized();
            }

            html.Append("<section class=\"answers\">");
            foreach (var answer in outcome.Answers)
            {
                html.Append("<div class=\"answer-card\"><p class=\"answer\">").Append(WebHtml.Esc(answer.Text)).Append("</p>");
                foreach (var row in answer.Buttons)
                {
                    html.Append("<div class=\"choices\">");
                    foreach (var button in row.Where(b => b.Data is not null))
                    {
                        html.Append("<button type=\"button\" data-press=\"").Append(WebHtml.Esc(button.Data!)).Append("\">")
                            .Append(WebHtml.Esc(button.Text)).Append("</button>");
                    }

                    html.Append("</div>");
                }

                html.Append("</div>");
            }

            html.Append("</section>");
        }

        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
