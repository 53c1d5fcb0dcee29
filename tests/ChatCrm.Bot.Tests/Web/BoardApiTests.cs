using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>
/// Issue 13: the board's API over plain HTTP, signed in with Telegram initData: what each role sees, and a drag as the
/// chat's own move (the same rules, the audit, /undo, the owner's notice).
/// </summary>
public sealed class BoardApiTests : IAsyncLifetime
{
    private const long Head = 3001, Ivan = 3002, Petr = 3003;
    private ChatCrmApp _app = null!;
    private long _ivanId, _petrId, _ivanDeal, _petrDeal, _rotting;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        await _app.WithoutScenariosAsync();
        var now = DateTime.UtcNow;
        await Seed.UserAsync(_app, Head, Role.Head, now, name: "Ольга");
        _ivanId = (await Seed.UserAsync(_app, Ivan, Role.Manager, now, name: "Иван")).Id;
        _petrId = (await Seed.UserAsync(_app, Petr, Role.Manager, now, name: "Пётр")).Id;
        var romashka = await Seed.ClientAsync(_app, "Ромашка", _ivanId);
        var lyutik = await Seed.ClientAsync(_app, "Лютик <b>", _petrId);
        _ivanDeal = await Seed.DealAsync(_app, romashka, _ivanId, 150_000m, now.AddDays(-2), title: "Станки");
        _petrDeal = await Seed.DealAsync(_app, lyutik, _petrId, 90_000m, now.AddDays(-1), stagePosition: 2, title: "Пресс");
        await _app.WriteAsync(async db =>
        {
            var first = await db.Stages.SingleAsync(s => s.Position == 1 && db.Cycles.Any(c => c.IsDefault && c.Id == s.CycleId));
            first.SetDaysAllowed(3);
            return 0;
        });
        _rotting = await Seed.DealAsync(_app, romashka, _ivanId, 10_000m, now.AddDays(-10), title: "Запчасти");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient As(long telegramId) => WebAppData.Client(_app, WebAppData.Sign(telegramId, DateTimeOffset.UtcNow));

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    private static IEnumerable<JsonElement> Cards(JsonElement board) =>
        board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("cards").EnumerateArray());

    private static long[] DealIds(JsonElement board) => [.. Cards(board).Select(c => c.GetProperty("dealId").GetInt64()).Order()];

    private Task<int> OutboxCountAsync(long chatId) => _app.QueryAsync(db => db.Outbox.CountAsync(o => o.ChatId == chatId));

    private Task<Deal> DealAsync(long id) => _app.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == id));

    [Fact]
    public async Task A_head_sees_every_open_deal_in_its_stage_with_its_manager_and_a_rotting_one_marked()
    {
        using var head = As(Head);

        var board = await JsonAsync(await head.GetAsync("/api/board"));

        DealIds(board).Should().Equal(_ivanDeal, _petrDeal, _rotting);
        var columns = board.GetProperty("columns").EnumerateArray().ToList();
        columns[0].GetProperty("count").GetInt32().Should().Be(2);
        columns[0].GetProperty("sum").GetDecimal().Should().Be(160_000m);
        columns[1].GetProperty("cards").EnumerateArray().Single().GetProperty("owner").GetString().Should().Be("Пётр");
        var cards = Cards(board).ToDictionary(c => c.GetProperty("dealId").GetInt64());
        cards[_rotting].GetProperty("rotting").GetBoolean().Should().BeTrue("10 days in a stage that allows 3");
        cards[_ivanDeal].GetProperty("rotting").GetBoolean().Should().BeFalse();
        cards[_rotting].GetProperty("daysInStage").GetInt32().Should().Be(10);
        columns[0].GetProperty("cards")[0].GetProperty("dealId").GetInt64().Should().Be(_rotting, "the longest-waiting card comes first");
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_deals_whatever_manager_they_ask_for()
    {
        using var ivan = As(Ivan);

        DealIds(await JsonAsync(await ivan.GetAsync("/api/board"))).Should().Equal(_ivanDeal, _rotting);
        DealIds(await JsonAsync(await ivan.GetAsync($"/api/board?manager={_petrId}"))).Should().Equal(_ivanDeal, _rotting);
        var html = await (await ivan.GetAsync("/app/part/board")).Content.ReadAsStringAsync();
        html.Should().Contain("Ромашка").And.NotContain("Лютик").And.NotContain("Пётр");
    }

    [Fact]
    public async Task A_head_narrows_the_board_to_one_manager_and_to_one_segment()
    {
        var segment = await Seed.SegmentAsync(_app, "Опт");
        await _app.WriteAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Name == "Лютик <b>");
            client.SetSegment(await db.Segments.SingleAsync(s => s.Id == segment));
            return 0;
        });
        using var head = As(Head);

        DealIds(await JsonAsync(await head.GetAsync($"/api/board?manager={_ivanId}"))).Should().Equal(_ivanDeal, _rotting);
        DealIds(await JsonAsync(await head.GetAsync($"/api/board?segment={segment}"))).Should().Equal(_petrDeal);
    }

    [Fact]
    public async Task A_head_moves_a_managers_deal_the_deal_moves_it_is_audited_undone_by_undo_and_the_manager_is_told()
    {
        var stages = await _app.QueryAsync(db => db.Stages.Where(s => db.Cycles.Any(c => c.IsDefault && c.Id == s.CycleId)).OrderBy(s => s.Position).ToListAsync());
        using var head = As(Head);

        var answer = await JsonAsync(await head.PostAsJsonAsync($"/api/deals/{_ivanDeal}/move", new { stageId = stages[2].Id }));

        answer.GetProperty("deal").GetProperty("stageId").GetInt64().Should().Be(stages[2].Id);
        answer.GetProperty("outcome").GetProperty("answers")[0].GetProperty("text").GetString().Should().Contain($"#{_ivanDeal}");
        (await DealAsync(_ivanDeal)).StageId.Should().Be(stages[2].Id);
        var audit = await _app.QueryAsync(db => db.Audit.AsNoTracking().Where(a => a.Action == AuditActions.DealMove).ToListAsync());
        audit.Should().ContainSingle().Which.Subject.Should().Be($"deal #{_ivanDeal}");
        var told = await _app.Api.WaitForMessagesAsync(Ivan);
        told.Last().Text.Should().Contain("Ольга").And.Contain($"#{_ivanDeal}").And.Contain(stages[2].Name);
        (await OutboxCountAsync(Head)).Should().Be(0, "the head's answer went to the page, not to the chat");

        await new Chat(_app, Head).LastAsync("/undo");

        (await DealAsync(_ivanDeal)).StageId.Should().Be(stages[0].Id, "/undo in the chat takes back the move made on the board");
    }

    [Fact]
    public async Task A_manager_cannot_move_another_managers_deal_by_guessing_its_id()
    {
        var before = await DealAsync(_petrDeal);
        using var ivan = As(Ivan);

        var response = await ivan.PostAsJsonAsync($"/api/deals/{_petrDeal}/move", new { stageId = before.StageId + 1 });
        var won = await ivan.PostAsync($"/api/deals/{_petrDeal}/won", null);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        won.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Лютик").And.NotContain("Пресс");
        var after = await DealAsync(_petrDeal);
        after.StageId.Should().Be(before.StageId);
        after.Status.Should().Be(DealStatus.Open);
    }

    [Fact]
    public async Task Dropping_on_lost_asks_the_reason_and_a_chosen_reason_closes_the_deal()
    {
        using var ivan = As(Ivan);

        var asked = await JsonAsync(await ivan.PostAsync($"/api/deals/{_ivanDeal}/lost", null));

        asked.GetProperty("deal").GetProperty("status").GetString().Should().Be("open", "a lost deal always has a reason");
        var outcome = asked.GetProperty("outcome");
        outcome.GetProperty("asking").GetBoolean().Should().BeTrue();
        var reasons = outcome.GetProperty("answers")[0].GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray()).ToList();
        var price = reasons.First(b => b.GetProperty("text").GetString()!.Contains("Цена", StringComparison.Ordinal));

        var closed = await JsonAsync(await ivan.PostAsJsonAsync("/api/press", new { data = price.GetProperty("data").GetString() }));

        closed.GetProperty("answers")[0].GetProperty("text").GetString().Should().Contain("Цена");
        var deal = await DealAsync(_ivanDeal);
        deal.Status.Should().Be(DealStatus.Lost);
        (await OutboxCountAsync(Ivan)).Should().Be(0, "his own change tells no one, and the answers went to the page");
    }

    [Fact]
    public async Task A_typed_reason_answers_the_question_the_board_asked()
    {
        using var ivan = As(Ivan);
        await ivan.PostAsync($"/api/deals/{_ivanDeal}/lost", null);

        var closed = await JsonAsync(await ivan.PostAsJsonAsync("/api/answer", new { text = "Цена, дорого для них" }));

        closed.GetProperty("asking").GetBoolean().Should().BeFalse();
        var deal = await DealAsync(_ivanDeal);
        deal.Status.Should().Be(DealStatus.Lost);
        deal.LostNote.Should().Be("дорого для них");
    }

    [Fact]
    public async Task Without_valid_initData_every_endpoint_answers_401_and_changes_nothing()
    {
        using var none = WebAppData.Client(_app, null);
        using var forged = WebAppData.Client(_app, WebAppData.Sign(Head, DateTimeOffset.UtcNow, botToken: "654321:another-bots-token"));
        var tampered = WebAppData.Sign(Ivan, DateTimeOffset.UtcNow).Replace("%22id%22%3A3002", "%22id%22%3A3001", StringComparison.Ordinal);
        using var escalated = WebAppData.Client(_app, tampered);
        using var stranger = As(9999);

        foreach (var client in new[] { none, forged, escalated, stranger })
        {
            (await client.GetAsync("/api/board")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await client.GetAsync("/app/part/board")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await client.PostAsync($"/api/deals/{_ivanDeal}/won", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await DealAsync(_ivanDeal)).Status.Should().Be(DealStatus.Open);
    }

    [Theory]
    [InlineData("/api/board?cycle=abc")]
    [InlineData("/api/board?manager=-1")]
    [InlineData("/app/part/column?stage=1&skip=x")]
    [InlineData("/app/part/column?skip=0")]
    public async Task A_malformed_query_gets_a_clear_400(string url)
    {
        using var head = As(Head);

        var response = await head.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("error");
    }

    [Fact]
    public async Task A_move_without_a_stage_gets_a_clear_400_and_changes_nothing()
    {
        using var head = As(Head);

        var response = await head.PostAsJsonAsync($"/api/deals/{_ivanDeal}/move", new { stage = "Предложение" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("stageId");
        (await DealAsync(_ivanDeal)).OpenedAt.Should().Be((await DealAsync(_ivanDeal)).StageEnteredAt);
    }

    [Fact]
    public async Task The_boards_html_escapes_what_people_typed()
    {
        using var head = As(Head);

        var html = await (await head.GetAsync("/app/part/board")).Content.ReadAsStringAsync();

        html.Should().Contain("Лютик &lt;b&gt;").And.NotContain("Лютик <b>");
    }

    [Fact]
    public async Task A_long_column_comes_in_pages_and_the_next_page_holds_the_rest()
    {
        var client = await Seed.ClientAsync(_app, "Большой", _ivanId);
        for (var i = 0; i < 60; i++)
        {
            await Seed.DealAsync(_app, client, _ivanId, 1_000m + i, DateTime.UtcNow.AddHours(-i), stagePosition: 3, title: $"Лот {i}");
        }

        using var head = As(Head);
        var board = await JsonAsync(await head.GetAsync("/api/board"));
        var third = board.GetProperty("columns")[2];
        third.GetProperty("count").GetInt32().Should().Be(60);
        third.GetProperty("cards").GetArrayLength().Should().Be(50);

        var html = await (await head.GetAsync("/app/part/board")).Content.ReadAsStringAsync();
        var more = System.Text.RegularExpressions.Regex.Match(html, "data-more=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var rest = await (await head.GetAsync(more)).Content.ReadAsStringAsync();

        System.Text.RegularExpressions.Regex.Matches(rest, "<li class=\"card").Count.Should().Be(10);
        rest.Should().Contain("Лот 0").And.NotContain("data-more", "nothing is left after the second page");
    }
}
