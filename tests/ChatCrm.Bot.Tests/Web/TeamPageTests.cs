using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>Issue 13: the team at a glance on the board — /team's figures per manager, for heads only.</summary>
public sealed class TeamPageTests : IAsyncLifetime
{
    private const long Head = 3201, Ivan = 3202, Petr = 3203;
    private ChatCrmApp _app = null!;
    private long _ivanId;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        var now = DateTime.UtcNow;
        await Seed.UserAsync(_app, Head, Role.Head, now, name: "Ольга");
        _ivanId = (await Seed.UserAsync(_app, Ivan, Role.Manager, now, name: "Иван")).Id;
        var petrId = (await Seed.UserAsync(_app, Petr, Role.Manager, now, name: "Пётр")).Id;
        var romashka = await Seed.ClientAsync(_app, "Ромашка", _ivanId);
        await Seed.DealAsync(_app, romashka, _ivanId, 150_000m, now.AddDays(-1));
        await Seed.DealAsync(_app, romashka, _ivanId, 50_000m, now.AddDays(-1));
        await Seed.TouchAsync(_app, romashka, _ivanId, Seed.EarlierToday(now, TimeSpan.FromMinutes(5)));
        await Seed.ClientAsync(_app, "Лютик", petrId, createdAt: now.AddDays(-40));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient As(long telegramId) => WebAppData.Client(_app, WebAppData.Sign(telegramId, DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_head_sees_each_managers_day_and_pipeline_and_a_name_opens_that_managers_board()
    {
        using var head = As(Head);

        var rows = await head.GetFromJsonAsync<JsonElement>("/api/team");
        var html = await (await head.GetAsync("/app/part/team")).Content.ReadAsStringAsync();

        var ivan = rows.EnumerateArray().Single(r => r.GetProperty("displayName").GetString() == "Иван");
        ivan.GetProperty("done").GetInt32().Should().Be(1);
        ivan.GetProperty("openDeals").GetInt32().Should().Be(2);
        ivan.GetProperty("pipeline").GetDecimal().Should().Be(200_000m);
        rows.EnumerateArray().Select(r => r.GetProperty("displayName").GetString()).Should().BeEquivalentTo("Иван", "Пётр");
        html.Should().Contain($"<a href=\"/app/board?manager={_ivanId}\">Иван</a>");
        html.Should().Contain("200 000 ₽");
    }

    [Fact]
    public async Task A_manager_gets_no_team_view_and_no_team_tab()
    {
        using var ivan = As(Ivan);

        var response = await ivan.GetAsync("/app/part/team");
        var board = await (await ivan.GetAsync("/app/part/board")).Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Пётр");
        board.Should().NotContain("/app/team");
    }
}
