using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Bot.Web.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Web.Auth;

/// <summary>
/// The board's sign-in through plain HTTP against the real host: Telegram's initData in the header, or a /web link
/// that becomes a session cookie once. <c>GET /api/me</c> says who the host thinks is asking.
/// </summary>
public abstract partial class WebSignInTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private const long Boris = 2002;
    private const long Stranger = 4242;

    private static readonly DateTimeOffset Start = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseFact]
    public async Task Valid_initData_signs_in_the_member_it_names()
    {
        using var response = await MeAsync(initData: InitDataSigner.For(Ivan, Start.AddMinutes(-3)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<Me>();
        me.Should().Be(new Me(await _ivan.UserIdAsync(), "Иван", "manager", "ru"));
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [DatabaseFact]
    public async Task The_admins_initData_gives_the_admin()
    {
        using var response = await MeAsync(initData: InitDataSigner.For(ChatCrmApp.AdminId, Start));

        (await response.Content.ReadFromJsonAsync<Me>())!.Role.Should().Be("admin");
    }

    [DatabaseFact]
    public async Task Forged_changed_or_stale_initData_gets_401()
    {
        var forged = InitDataSigner.For(Ivan, Start, token: "654321:ANOTHER-bots-token_1");
        var fields = InitDataSigner.Fields(Ivan, Start);
        var hash = InitDataSigner.Hash(fields, FakeBotApi.Token);
        fields["user"] = fields["user"].Replace($"\"id\":{Ivan}", $"\"id\":{ChatCrmApp.AdminId}", StringComparison.Ordinal);
        var changed = InitDataSigner.Encode(fields.Append(new("hash", hash)));
        var stale = InitDataSigner.For(Ivan, Start.AddHours(-2));

        foreach (var initData in new[] { forged, changed, stale, "garbage", "user=%7B%22id%22%3A2001%7D" })
        {
            using var response = await MeAsync(initData: initData);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, initData);
        }
    }

    [DatabaseFact]
    public async Task Nobody_signed_in_gets_401()
    {
        using var response = await MeAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task A_stranger_or_a_deactivated_member_with_valid_initData_gets_401()
    {
        using (var stranger = await MeAsync(initData: InitDataSigner.For(Stranger, Start)))
        {
            stranger.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        (await MeAsync(initData: InitDataSigner.For(Boris, Start))).StatusCode.Should().Be(HttpStatusCode.OK);
        await DeactivateAsync(Boris);

        using var deactivated = await MeAsync(initData: InitDataSigner.For(Boris, Start));
        deactivated.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task A_web_link_signs_a_browser_in_once_with_a_strict_session_cookie()
    {
        var link = await WebLinkAsync(_ivan);
        link.Should().StartWith("https://crm.example.com/app/login?code=", "the board's address comes from the webhook's host");

        using var login = await GetAsync(PathOf(link));

        login.StatusCode.Should().Be(HttpStatusCode.OK, "a page, not a redirect: a Strict cookie would not go along a redirect begun in Telegram");
        var page = await login.Content.ReadAsStringAsync();
        page.Should().Contain("http-equiv=\"refresh\"").And.Contain("url=../app").And.Contain("Открыть доску");
        login.Headers.CacheControl!.NoStore.Should().BeTrue();
        var setCookie = login.Headers.GetValues("Set-Cookie").Single();
        var attributes = setCookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        attributes.Should().Contain(["httponly", "secure", "samesite=strict", "path=/", "max-age=43200"]);

        var me = await MeAsync(cookie: CookieOf(setCookie));
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Content.ReadFromJsonAsync<Me>())!.Id.Should().Be(await _ivan.UserIdAsync(), "the link signs in the manager who asked for it");

        using var replay = await GetAsync(PathOf(link));
        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        replay.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await replay.Content.ReadAsStringAsync()).Should().Contain("/web");
        (await _app.CountAsync<WebSession>()).Should().Be(1, "the replayed link made no second session");
        (await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync()))
            .Should().Contain(["web.link", "web.login", "access.denied"]);
    }

    [DatabaseFact]
    public async Task Only_hashes_of_the_code_and_the_cookie_are_stored()
    {
        var code = CodeOf(await WebLinkAsync(_ivan));
        using var login = await GetAsync($"/app/login?code={code}");
        var token = CookieOf(login.Headers.GetValues("Set-Cookie").Single())["chatcrm_session=".Length..];

        var stored = await _app.QueryAsync(async db => (await db.WebLoginCodes.SingleAsync(), await db.WebSessions.SingleAsync()));
        stored.Item1.CodeHash.Should().Be(Sha256Hex(code)).And.NotContain(code);
        stored.Item2.TokenHash.Should().Be(Sha256Hex(token)).And.NotContain(token);
        stored.Item1.UsedAt.Should().NotBeNull();
    }

    [DatabaseFact]
    public async Task Two_clicks_on_one_link_at_once_give_one_session()
    {
        var path = PathOf(await WebLinkAsync(_ivan));

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => GetAsync(path)));

        clicks.Count(c => c.StatusCode == HttpStatusCode.OK).Should().Be(1);
        clicks.Count(c => c.StatusCode == HttpStatusCode.Unauthorized).Should().Be(3);
        (await _app.CountAsync<WebSession>()).Should().Be(1);
        foreach (var click in clicks)
        {
            click.Dispose();
        }
    }

    [DatabaseFact]
    public async Task A_link_opened_after_its_lifetime_gets_401_and_no_session()
    {
        var path = PathOf(await WebLinkAsync(_ivan));
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        using var login = await GetAsync(path);

        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await login.Content.ReadAsStringAsync()).Should().Contain("/web");
        (await _app.CountAsync<WebSession>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_link_opened_within_its_lifetime_works()
    {
        var path = PathOf(await WebLinkAsync(_ivan));
        _clock.Advance(TimeSpan.FromMinutes(9));

        using var login = await GetAsync(path);

        login.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task A_session_ends_after_its_lifetime()
    {
        var cookie = await SignInAsync(_ivan);
        _clock.Advance(TimeSpan.FromHours(11));
        (await MeAsync(cookie: cookie)).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromHours(1));

        (await MeAsync(cookie: cookie)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task Logout_ends_the_session_and_clears_the_cookie()
    {
        var cookie = await SignInAsync(_ivan);

        using var logout = await SendAsync(HttpMethod.Post, "/app/logout", cookie: cookie);

        logout.StatusCode.Should().Be(HttpStatusCode.OK);
        var cleared = logout.Headers.GetValues("Set-Cookie").Single();
        cleared.Should().StartWith("chatcrm_session=;").And.Contain("expires=Thu, 01 Jan 1970");
        (await MeAsync(cookie: cookie)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old cookie no longer signs in");
        (await _app.QueryAsync(db => db.WebSessions.SingleAsync())).EndedAt.Should().Be(Start.UtcDateTime);
        (await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync())).Should().Contain("web.logout");
    }

    [DatabaseFact]
    public async Task A_deactivated_members_session_and_unused_link_stop_working()
    {
        await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        var boris = new Chat(_app, Boris, "Борис");
        var cookie = await SignInAsync(boris);
        var path = PathOf(await WebLinkAsync(boris));

        await DeactivateAsync(Boris);

        (await MeAsync(cookie: cookie)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _app.CountAsync<WebSession>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_heads_link_signs_in_the_head_and_a_managers_the_manager()
    {
        var head = await Chat.JoinAsync(_app, Boris, "head", "Борис");

        var headMe = await (await MeAsync(cookie: await SignInAsync(head))).Content.ReadFromJsonAsync<Me>();
        var ivanMe = await (await MeAsync(cookie: await SignInAsync(_ivan))).Content.ReadFromJsonAsync<Me>();

        headMe.Should().Be(new Me(await head.UserIdAsync(), "Борис", "head", "ru"));
        ivanMe.Should().Be(new Me(await _ivan.UserIdAsync(), "Иван", "manager", "ru"));
    }

    [DatabaseFact]
    public async Task When_initData_is_sent_it_alone_decides_whatever_cookie_comes_with_it()
    {
        var cookie = await SignInAsync(_ivan);

        using var response = await MeAsync(initData: InitDataSigner.For(Ivan, Start.AddHours(-2)), cookie: cookie);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [DatabaseTheory]
    [InlineData("/app/login", HttpStatusCode.BadRequest)]
    [InlineData("/app/login?code=", HttpStatusCode.BadRequest)]
    [InlineData("/app/login?code=garbage", HttpStatusCode.Unauthorized)]
    [InlineData("/app/login?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.Unauthorized)]
    [InlineData("/app/login?code=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.Unauthorized)]
    public async Task A_sign_in_address_without_a_valid_code_is_refused_clearly_and_changes_nothing(string path, HttpStatusCode status)
    {
        var link = await WebLinkAsync(_ivan);

        using var response = await GetAsync(path);

        response.StatusCode.Should().Be(status);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("/web").And.Contain("Send /web", "a visitor we do not know reads it in both languages").And.NotContain("<script>");
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await _app.CountAsync<WebSession>()).Should().Be(0);
        (await _app.QueryAsync(db => db.WebLoginCodes.SingleAsync())).UsedAt.Should().BeNull();
        (await GetAsync(PathOf(link))).StatusCode.Should().Be(HttpStatusCode.OK, "the real link still works");
    }

    [DatabaseFact]
    public async Task The_web_help_and_reply_exist_in_english()
    {
        var reply = (await _ivan.LastAsync("/web", "en")).Text;

        reply.Should().Contain("Works once, until 12:10");
    }

    private sealed record Me(long Id, string Name, string Role, string Language);

    private async Task DeactivateAsync(long telegramId) =>
        await _app.WriteAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.TelegramId == telegramId)).Deactivate();
            return 0;
        });

    private static async Task<string> WebLinkAsync(Chat chat)
    {
        var reply = (await chat.LastAsync("/web")).Text;
        var match = Link().Match(reply);
        match.Success.Should().BeTrue($"/web should answer with a link, but said: {reply}");
        return match.Value;
    }

    /// <summary>Signs <paramref name="chat"/>'s user in with a /web link and returns the Cookie header the browser would send.</summary>
    private async Task<string> SignInAsync(Chat chat)
    {
        using var login = await GetAsync(PathOf(await WebLinkAsync(chat)));
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return CookieOf(login.Headers.GetValues("Set-Cookie").Single());
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    private static string CodeOf(string link) => link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];

    private static string CookieOf(string setCookie) => setCookie.Split(';')[0];

    private static string Sha256Hex(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private Task<HttpResponseMessage> MeAsync(string? initData = null, string? cookie = null) =>
        SendAsync(HttpMethod.Get, "/api/me", initData, cookie);

    private Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? initData = null, string? cookie = null)
    {
        // As a browser would: over https, no cookie jar of its own (the test says which cookie goes), no redirects followed.
        using var client = _app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://crm.example.com"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(method, path);
        if (initData is not null)
        {
            request.Headers.Add(WebSignIn.InitDataHeader, initData);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }

    [GeneratedRegex(@"https://\S+/login\?code=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}

public sealed class WebSignInTestsOnSqlite() : WebSignInTests(TestDatabase.Sqlite());

[Postgres]
public sealed class WebSignInTestsOnPostgres() : WebSignInTests(TestDatabase.Postgres());
