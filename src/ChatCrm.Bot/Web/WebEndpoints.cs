using ChatCrm.Bot.Web.Auth;

namespace ChatCrm.Bot.Web;

public static class WebEndpoints
{
    /// <summary>The board's sign-in: <c>GET /app/login</c>, <c>POST /app/logout</c> and <c>GET /api/me</c> (see <see cref="WebLogin"/>).</summary>
    public static IEndpointRouteBuilder MapWebAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet(WebLogin.LoginPath, WebLogin.LoginAsync);
        app.MapPost(WebLogin.LogoutPath, WebLogin.LogoutAsync);
        app.MapGet(WebLogin.MePath, WebLogin.MeAsync);
        return app;
    }
}
