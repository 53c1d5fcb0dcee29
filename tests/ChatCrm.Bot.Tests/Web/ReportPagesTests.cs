using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>Issue 13: the reports on the board — the chat's figures as a chart and tables, the XLSX, and a manager's own only.</summary>
public sealed class ReportPagesTests : IAsyncLifetime
{
    private const long Head = 3101, Ivan = 3102, Petr = 3103;
    private ChatCrmApp _app = null!;
    private long _petrId;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        var now = DateTime.UtcNow;
        await Seed.UserAsync(_app, Head, Role.Head, now, name: "Ольга");
        var ivanId = (await Seed.UserAsync(_app, Ivan, Role.Manager, now, name: "Иван")).Id;
        _petrId = (await Seed.UserAsync(_app, Petr, Role.Manager, now, name: "Пётр")).Id;
        var romashka = await Seed.ClientAsync(_app, "Ромашка", ivanId);
        var lyutik = await Seed.ClientAsync(_app, "Лютик", _petrId);
        await Seed.DealAsync(_app, romashka, ivanId, 150_000m, Seed.EarlierToday(now, TimeSpan.FromHours(2)), title: "Станки");
        await Seed.DealAsync(_app, lyutik, _petrId, 90_000m, Seed.EarlierToday(now, TimeSpan.FromHours(1)), stagePosition: 2, title: "Пресс");
        await Seed.TouchAsync(_app, romashka, ivanId, Seed.EarlierToday(now, TimeSpan.FromMinutes(30)));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient As(long telegramId) => WebAppData.Client(_app, WebAppData.Sign(telegramId, DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_head_reads_the_managers_report_with_everyone_in_it_as_a_chart_and_a_table()
    {
        using var head = As(Head);

        var response = await head.GetAsync("/app/part/reports?kind=managers");
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("<img class=\"chart\"").And.Contain("data:image/png;base64,").And.Contain("<table>");
        html.Should().Contain("Иван").And.Contain("Пётр");
        html.Should().Contain("data-press=\"rp:x:managers:M", "inside Telegram the XLSX comes to the chat by the chat's own button");
    }

    [Fact]
    public async Task A_manager_reads_only_their_own_figures_and_asking_for_anothers_is_refused()
    {
        using var ivan = As(Ivan);

        var own = await (await ivan.GetAsync("/app/part/reports?kind=managers")).Content.ReadAsStringAsync();
        var other = await ivan.GetAsync($"/api/reports?kind=managers&manager={_petrId}");

        own.Should().Contain("Иван").And.NotContain("Пётр").And.NotContain("Лютик");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Content.ReadAsStringAsync()).Should().NotContain("Пётр");
    }

    [Fact]
    public async Task The_json_holds_the_same_tables_and_the_xlsx_is_a_workbook()
    {
        using var head = As(Head);

        var json = await head.GetFromJsonAsync<JsonElement>("/api/reports?kind=funnel");
        var file = await head.GetAsync("/api/reports/xlsx?kind=funnel");
        var bytes = await file.Content.ReadAsByteArrayAsync();

        json.GetProperty("tables").GetArrayLength().Should().BeGreaterThan(0);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        file.Content.Headers.ContentDisposition!.FileName.Should().Contain("funnel");
        bytes.Take(2).Should().Equal((byte)'P', (byte)'K');
    }

    [Theory]
    [InlineData("/api/reports?kind=salary")]
    [InlineData("/api/reports?kind=funnel&period=last-month")]
    [InlineData("/app/part/reports?manager=x")]
    public async Task A_malformed_request_gets_a_clear_400(string url)
    {
        using var head = As(Head);

        var response = await head.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("kind is one of");
    }

    [Fact]
    public async Task Without_sign_in_nothing_is_shown()
    {
        using var none = WebAppData.Client(_app, null);

        (await none.GetAsync("/app/part/reports")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await none.GetAsync("/api/reports/xlsx?kind=funnel")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_digest_and_a_report_in_the_chat_carry_a_button_that_opens_the_same_on_the_board()
    {
        var head = new Chat(_app, Head);

        var digest = await head.SayAsync("/digest");
        var report = await head.LastAsync("/report managers");

        digest.SelectMany(s => s.CallbackData).Should().Contain("https://crm.example.com/app/team");
        report.CallbackData.Should().Contain(data => data.StartsWith("https://crm.example.com/app/reports?kind=managers&period=M", StringComparison.Ordinal));
        var sent = await _app.QueryAsync(db => db.Outbox.Where(o => o.ChatId == Head).Select(o => o.Payload).ToListAsync());
        sent.Should().Contain(p => p.Contains("\"w\":true", StringComparison.Ordinal), "the button opens the board as a Mini App, not as a link");
    }
}
