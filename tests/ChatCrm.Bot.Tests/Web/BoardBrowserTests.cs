using System.Diagnostics;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>
/// One host on a real port for the board's browser tests, with the people they sign in as: a head (Ольга), two managers
/// (Иван, Пётр) and a head who reads English (Anna). Each test starts from an empty board (<see cref="BoardBrowserTests"/>
/// closes what the last one left open) and seeds its own deals.
/// </summary>
public sealed class BoardHost : IAsyncLifetime
{
    public const long Head = 3101, Ivan = 3102, Petr = 3103, Anna = 3104;

    private ChatCrmApp? _app;

    public ChatCrmApp App => _app ?? throw new InvalidOperationException("The host has not started");
    public long HeadId { get; private set; }
    public long IvanId { get; private set; }
    public long PetrId { get; private set; }
    public long AnnaId { get; private set; }
    public IReadOnlyList<Stage> Stages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(onPort: true);
        await App.WithoutScenariosAsync();
        var now = DateTime.UtcNow.AddDays(-60);
        HeadId = (await Seed.UserAsync(App, Head, Role.Head, now, name: "Ольга")).Id;
        IvanId = (await Seed.UserAsync(App, Ivan, Role.Manager, now, name: "Иван")).Id;
        PetrId = (await Seed.UserAsync(App, Petr, Role.Manager, now, name: "Пётр")).Id;
        AnnaId = (await Seed.UserAsync(App, Anna, Role.Head, now, name: "Anna", language: Language.En)).Id;
        Stages = await App.QueryAsync(db => db.Stages.AsNoTracking()
            .Where(s => !s.IsRetired && db.Cycles.Any(c => c.IsDefault && c.Id == s.CycleId)).OrderBy(s => s.Position).ToListAsync());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>
/// Issue 13: the board in a real Chromium, opened "in Telegram" (a <c>window.Telegram.WebApp</c> with signed initData),
/// checked for what a head or a manager would notice: the columns and cards, a drag with the mouse, a drop on «lost», a
/// tap that moves a card on a phone, refusal of forged and stale sign-ins, Telegram's dark theme, the layout on a phone
/// and a laptop, and a long column's «more».
/// </summary>
[Browser]
[Collection(Browser.Collection)]
public sealed class BoardBrowserTests(Browser browser, BoardHost host, ITestOutputHelper output) : IClassFixture<BoardHost>, IAsyncLifetime
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ChatCrmApp App => host.App;

    /// <summary>Every test starts from an empty board: the deals an earlier test left open are closed.</summary>
    public async Task InitializeAsync()
    {
        await App.WriteAsync(db => db.Deals.Where(d => d.Status == DealStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DealStatus.Lost)));
        _clock.Restart();
    }

    public Task DisposeAsync()
    {
        output.WriteLine($"test body {_clock.Elapsed.TotalSeconds:F1} s (host started once per class; browser start {browser.StartTime.TotalSeconds:F1} s, first test only)");
        return Task.CompletedTask;
    }

    [BrowserFact]
    public async Task A_head_sees_the_stages_as_columns_with_everyones_cards_and_a_manager_only_his_own()
    {
        var ivans = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);
        var petrs = await DealAsync(host.PetrId, "Лютик", "Пресс", 90_000m, stage: 2, daysAgo: 2);
        var rotting = await DealAsync(host.IvanId, "Ромашка", "Запчасти", 10_000m, stage: 1, daysAgo: 10);

        await using var head = await OpenBoardAsync(BoardHost.Head, Viewport.Laptop);

        (await Texts(head, ".column h2")).Should().Equal(host.Stages.Select(s => s.Name), "the stages of the default cycle are the columns, in order");
        (await CardIdsAsync(head, 1)).Should().Equal(rotting, ivans);
        (await CardIdsAsync(head, 2)).Should().Equal(petrs);
        var card = head.Page.Locator($".card[data-deal='{petrs}']");
        (await card.InnerTextAsync()).Should().Contain("Лютик").And.Contain("Пресс").And.Contain("Пётр").And.Contain("90");
        (await head.Page.Locator($".card[data-deal='{rotting}']").GetAttributeAsync("class")).Should().Contain("rotting", "10 days in a 3-day stage");
        (await head.Page.Locator(".column").First.Locator(".total").InnerTextAsync()).Should().StartWith("2 сделки");
        head.ShouldHaveNoErrors();

        await using var ivan = await OpenBoardAsync(BoardHost.Ivan, Viewport.Phone);

        (await CardIdsAsync(ivan)).Should().BeEquivalentTo([ivans, rotting], "a manager sees only his own deals");
        (await ivan.TextAsync()).Should().NotContain("Лютик").And.NotContain("Пётр");
        ivan.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task A_head_drags_a_card_with_the_mouse_the_deal_moves_is_audited_and_its_manager_is_told()
    {
        var deal = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);
        var told = App.Api.DeliveredTo(BoardHost.Ivan).Count;
        var target = host.Stages[2];
        await using var tab = await OpenBoardAsync(BoardHost.Head, Viewport.Laptop);

        await DragAsync(tab, $".card[data-deal='{deal}']", $".column[data-stage='{target.Id}']");

        await Expect(tab.Page.Locator($".column[data-stage='{target.Id}'] .card[data-deal='{deal}']")).ToBeVisibleAsync();
        (await DealRowAsync(deal)).StageId.Should().Be(target.Id);
        (await App.QueryAsync(db => db.Audit.AsNoTracking().CountAsync(a => a.Action == AuditActions.DealMove && a.Subject == $"deal #{deal}")))
            .Should().Be(1);
        var messages = await App.Api.WaitForMessagesAsync(BoardHost.Ivan, told + 1);
        messages.Last().Text.Should().Contain("Ольга").And.Contain($"#{deal}").And.Contain(target.Name);

        await tab.Page.ReloadAsync();
        await tab.Page.Locator(".board").WaitForAsync();
        (await CardIdsAsync(tab, 3)).Should().Contain(deal, "after the board is read again the card is in its new column");
        (await CardIdsAsync(tab, 1)).Should().NotContain(deal);
        tab.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task A_card_dropped_on_lost_asks_the_reason_and_a_chosen_reason_closes_the_deal_and_takes_the_card_away()
    {
        var deal = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 2, daysAgo: 1);
        var other = await DealAsync(host.IvanId, "Василёк", "Ленты", 5_000m, stage: 2, daysAgo: 1);
        await using var tab = await OpenBoardAsync(BoardHost.Ivan, Viewport.Laptop);

        await DragAsync(tab, $".card[data-deal='{deal}']", ".zone.lost");

        var sheet = tab.Page.Locator("dialog#sheet");
        await Expect(sheet).ToBeVisibleAsync();
        var price = sheet.GetByRole(AriaRole.Button, new() { Name = "Цена" });
        await Expect(price).ToBeVisibleAsync();
        (await DealRowAsync(deal)).Status.Should().Be(DealStatus.Open, "a lost deal needs its reason first");

        await price.ClickAsync();

        await Expect(tab.Page.Locator($".card[data-deal='{deal}']")).ToHaveCountAsync(0);
        await Expect(tab.Page.Locator($".card[data-deal='{other}']")).ToBeVisibleAsync();
        var closed = await DealRowAsync(deal);
        closed.Status.Should().Be(DealStatus.Lost);
        (await App.QueryAsync(db => db.LostReasons.AsNoTracking().SingleAsync(r => r.Id == closed.LostReasonId))).Name.Should().Be("Цена");
        await Expect(sheet).Not.ToBeVisibleAsync();
        tab.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task On_a_phone_a_tapped_card_opens_the_stages_as_buttons_and_a_tap_on_one_moves_the_deal()
    {
        var deal = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);
        var target = host.Stages[3];
        await using var tab = await OpenBoardAsync(BoardHost.Ivan, Viewport.Phone);

        await tab.Page.Locator($".card[data-deal='{deal}']").TapAsync();

        var sheet = tab.Page.Locator("dialog#sheet");
        await Expect(sheet).ToBeVisibleAsync();
        (await DealRowAsync(deal)).StageId.Should().Be(host.Stages[0].Id, "a tap only opens the choices; it moves nothing by itself");
        (await sheet.InnerTextAsync()).Should().Contain("Станки").And.Contain("Ромашка");
        var buttons = sheet.Locator(".choices button");
        (await buttons.AllInnerTextsAsync()).Should().StartWith(host.Stages.Select(s => s.Name)).And.Contain("✅ Выиграна").And.Contain("❌ Проиграна");
        (await sheet.GetByRole(AriaRole.Button, new() { Name = host.Stages[0].Name, Exact = true }).IsDisabledAsync())
            .Should().BeTrue("the card's own stage is not a move");
        await tab.ScreenshotAsync(nameof(On_a_phone_a_tapped_card_opens_the_stages_as_buttons_and_a_tap_on_one_moves_the_deal));

        await sheet.GetByRole(AriaRole.Button, new() { Name = target.Name, Exact = true }).TapAsync();

        await Expect(tab.Page.Locator($".column[data-stage='{target.Id}'] .card[data-deal='{deal}']")).ToHaveCountAsync(1);
        (await DealRowAsync(deal)).StageId.Should().Be(target.Id);
        await Expect(sheet).Not.ToBeVisibleAsync();
        tab.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task On_a_phone_a_finger_that_holds_a_card_carries_it_to_lost_without_scrolling_the_board()
    {
        var deal = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);
        await using var tab = await OpenBoardAsync(BoardHost.Ivan, Viewport.Phone);
        var cdp = await tab.Context.NewCDPSessionAsync(tab.Page);
        var from = await BoxAsync(tab, $".card[data-deal='{deal}']");
        double x = from.X + from.Width / 2, y = from.Y + from.Height / 2;

        await TouchAsync(cdp, "touchStart", x, y);
        await Task.Delay(450); // the hold that tells carrying a card from scrolling the board
        await TouchAsync(cdp, "touchMove", x + 4, y + 8);
        await Assertions.Expect(tab.Page.Locator(".zone.lost")).ToBeInViewportAsync(new() { Ratio = 1 });
        var to = await BoxAsync(tab, ".zone.lost");
        var answered = tab.Page.WaitForResponseAsync(r => r.Url.EndsWith($"/api/deals/{deal}/lost", StringComparison.Ordinal));
        for (var step = 1; step <= 10; step++)
        {
            await TouchAsync(cdp, "touchMove", x + (to.X + to.Width / 2 - x) * step / 10, y + (to.Y + to.Height / 2 - y) * step / 10);
        }

        await tab.ScreenshotAsync(nameof(On_a_phone_a_finger_that_holds_a_card_carries_it_to_lost_without_scrolling_the_board) + "-carrying");
        await TouchAsync(cdp, "touchEnd", 0, 0);
        await answered;

        await Expect(tab.Page.Locator("dialog#sheet").GetByRole(AriaRole.Button, new() { Name = "Цена" })).ToBeVisibleAsync();
        await tab.ScreenshotAsync(nameof(On_a_phone_a_finger_that_holds_a_card_carries_it_to_lost_without_scrolling_the_board) + "-reasons");
        (await tab.Page.EvaluateAsync<double>("() => document.querySelector('.board').scrollLeft")).Should().Be(0, "the finger carried the card, not the board");
        tab.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task Forged_initData_shows_the_sign_in_hint_and_no_cards()
    {
        await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);

        await using var tab = await OpenBoardAsync(BoardHost.Head, Viewport.Phone,
            initData: WebAppData.Sign(BoardHost.Head, DateTimeOffset.UtcNow, botToken: "654321:another-bots-token"));

        await SignInHintAsync(tab);
    }

    [BrowserFact]
    public async Task Stale_initData_shows_the_sign_in_hint_and_no_cards()
    {
        await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);

        await using var tab = await OpenBoardAsync(BoardHost.Head, Viewport.Phone,
            initData: WebAppData.Sign(BoardHost.Head, DateTimeOffset.UtcNow.AddHours(-2)));

        await SignInHintAsync(tab);
    }

    [BrowserTheory]
    [InlineData("dark", "rgb(33, 33, 33)", "rgb(255, 255, 255)")]
    [InlineData("light", "rgb(255, 255, 255)", "rgb(0, 0, 0)")]
    public async Task The_board_follows_Telegrams_colour_scheme(string scheme, string background, string text)
    {
        var deal = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);

        await using var tab = await OpenBoardAsync(BoardHost.Head, Viewport.Phone, colorScheme: scheme);

        (await StyleAsync(tab, "body", "backgroundColor")).Should().Be(background, $"the page takes the {scheme} theme's bg_color");
        (await StyleAsync(tab, $".card[data-deal='{deal}'] .client", "color")).Should().Be(text, $"the {scheme} theme's text_color");
        (await StyleAsync(tab, ".tabs a[aria-current]", "color")).Should().Be(text);
        var card = await StyleAsync(tab, $".card[data-deal='{deal}']", "backgroundColor");
        var column = await StyleAsync(tab, ".column", "backgroundColor");
        card.Should().NotBe(column, "a card stands out from its column");
        (await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).colorScheme")).Should().Be(scheme,
            "the browser's own controls (the selects, the scrollbars) follow the scheme too");
        await tab.ScreenshotAsync($"{nameof(The_board_follows_Telegrams_colour_scheme)}-{scheme}");
        tab.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task A_heads_board_of_a_dozen_deals_fits_a_phone_and_a_laptop_and_only_the_columns_scroll_sideways()
    {
        string[] clients = ["Ромашка", "Лютик", "ООО «Северный ветер и партнёры»", "Василёк", "Тюльпан", "Астра"];
        for (var i = 0; i < 12; i++)
        {
            await DealAsync(i % 2 == 0 ? host.IvanId : host.PetrId, clients[i % clients.Length], $"Поставка оборудования, этап {i}",
                (i + 1) * 37_500m, stage: i % 5 + 1, daysAgo: i * 2);
        }

        await using var phone = await OpenBoardAsync(BoardHost.Head, Viewport.Phone);

        (await CardIdsAsync(phone)).Should().HaveCount(12);
        await phone.ScreenshotAsync(nameof(A_heads_board_of_a_dozen_deals_fits_a_phone_and_a_laptop_and_only_the_columns_scroll_sideways));
        var board = await phone.Page.EvaluateAsync<int[]>("() => { const b = document.querySelector('.board'); return [b.scrollWidth, b.clientWidth]; }");
        board[0].Should().BeGreaterThan(board[1], "on a phone the columns scroll sideways inside the board");
        await phone.Page.EvaluateAsync("() => document.querySelector('.board').scrollLeft = 10000");
        await Screenshots.ShouldNotOverflowAsync(phone.Page, "the board scrolled to its last column");
        var width = await phone.Page.EvaluateAsync<double>("() => document.querySelector('.column').getBoundingClientRect().width");
        width.Should().BeInRange(240, 340, "a column is most of a phone's width, so the next one peeks in");
        phone.ShouldHaveNoErrors();

        await using var laptop = await OpenBoardAsync(BoardHost.Head, Viewport.Laptop);

        await laptop.ScreenshotAsync(nameof(A_heads_board_of_a_dozen_deals_fits_a_phone_and_a_laptop_and_only_the_columns_scroll_sideways));
        var last = await laptop.Page.EvaluateAsync<double>("() => [...document.querySelectorAll('.column')].pop().getBoundingClientRect().right");
        last.Should().BeLessThanOrEqualTo(Viewport.Laptop.Width, "on a laptop every stage of the cycle is in sight at once");
        laptop.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task A_column_of_more_than_fifty_deals_shows_the_first_fifty_and_more_brings_the_rest()
    {
        var stage = host.Stages[1];
        await App.WriteAsync(async db =>
        {
            var client = Client.Create("Большой", host.IvanId, DateTime.UtcNow.AddDays(-30), host.IvanId);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var tracked = await db.Stages.SingleAsync(s => s.Id == stage.Id);
            for (var i = 0; i < 57; i++)
            {
                var (deal, opened) = Deal.Open(client, cycle, tracked, 1_000m + i, "RUB", $"Лот {i}", host.IvanId, DateTime.UtcNow.AddHours(-100 + i), host.IvanId);
                db.Deals.Add(deal);
                db.StageChanges.Add(opened);
            }

            return 0;
        });

        await using var tab = await OpenBoardAsync(BoardHost.Head, Viewport.Laptop);

        var column = tab.Page.Locator($".column[data-stage='{stage.Id}']");
        (await column.Locator(".card").CountAsync()).Should().Be(50);
        (await column.Locator(".total").InnerTextAsync()).Should().StartWith("57 сделок");
        var more = column.GetByRole(AriaRole.Button, new() { Name = "Ещё 7" });

        await more.ClickAsync();

        await Expect(column.Locator(".card")).ToHaveCountAsync(57);
        await Expect(more).ToHaveCountAsync(0);
        (await column.Locator(".card .title").AllInnerTextsAsync()).Select(t => t.Split(' ', 2)[1]).Should().Equal(
            Enumerable.Range(0, 57).Select(i => $"Лот {i}"), "the longest-waiting first, and the next page after the first");
        tab.ShouldHaveNoErrors();
    }

    [BrowserFact]
    public async Task A_head_who_reads_English_gets_the_board_in_English_even_when_Telegram_speaks_Russian()
    {
        var deal = await DealAsync(host.IvanId, "Ромашка", "Станки", 150_000m, stage: 1, daysAgo: 1);
        await DealAsync(host.PetrId, "Лютик", "Пресс", 90_000m, stage: 1, daysAgo: 2);

        await using var tab = await OpenBoardAsync(BoardHost.Anna, Viewport.Laptop);

        (await Texts(tab, ".column h2")).Should().StartWith(["First contact", "Qualification", "Proposal"]);
        (await tab.Page.Locator(".column").First.Locator(".total").InnerTextAsync()).Should().StartWith("2 deals");
        (await tab.Page.Locator(".tabs a[aria-current]").InnerTextAsync()).Should().Be("Pipeline");
        (await tab.Page.Locator($".card[data-deal='{deal}'] .days").InnerTextAsync()).Should().Be("1 day in stage");

        await tab.Page.Locator($".card[data-deal='{deal}']").ClickAsync();

        var sheet = tab.Page.Locator("dialog#sheet");
        await Expect(sheet).ToBeVisibleAsync();
        (await sheet.Locator(".choices button").AllInnerTextsAsync()).Should().Contain(["Qualification", "✅ Won", "❌ Lost"]);
        (await sheet.Locator("button.close").InnerTextAsync()).Should().Be("Close", "the page speaks the user's ChatCrm language, not Telegram's");
        tab.ShouldHaveNoErrors();
    }

    // ---- helpers ----

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>Opens /app/board "in Telegram" as <paramref name="telegramId"/> (whose Telegram app speaks Russian) and waits for the board or the sign-in hint.</summary>
    private async Task<BrowserTab> OpenBoardAsync(long telegramId, Viewport viewport, string colorScheme = "light", string? initData = null)
    {
        initData ??= InitDataSigner.For(telegramId, DateTimeOffset.UtcNow, firstName: "Tester");
        var tab = await browser.OpenAsync(App.BaseAddress, viewport, TelegramWebApp.Script(initData, colorScheme));
        await tab.GoAsync("/app/board");
        await tab.Page.Locator(".board, .signin").First.WaitForAsync();
        return tab;
    }

    private static async Task SignInHintAsync(BrowserTab tab)
    {
        await Expect(tab.Page.Locator(".signin")).ToBeVisibleAsync();
        (await tab.Page.Locator(".signin").InnerTextAsync()).Should().Contain("/web");
        (await tab.Page.Locator(".card, .column").CountAsync()).Should().Be(0, "nothing of the board is shown to a sign-in that does not hold");
        (await tab.TextAsync()).Should().NotContain("Ромашка");
    }

    /// <summary>The deal ids of the cards on the board, in order; of the <paramref name="stagePosition"/>-th column only when given.</summary>
    private async Task<long[]> CardIdsAsync(BrowserTab tab, int? stagePosition = null)
    {
        var scope = stagePosition is { } p ? $".column[data-stage='{host.Stages[p - 1].Id}'] " : "";
        var ids = await tab.Page.Locator(scope + ".card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.deal)");
        return [.. ids.Select(long.Parse)];
    }

    private static async Task<IReadOnlyList<string>> Texts(BrowserTab tab, string selector) =>
        [.. (await tab.Page.Locator(selector).AllInnerTextsAsync()).Select(t => t.Trim())];

    private static Task<string> StyleAsync(BrowserTab tab, string selector, string property) =>
        tab.Page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).{property}");

    /// <summary>
    /// A drag as a hand makes it: the mouse pressed on the card, moved past the 6 px that tell a drag from a click, carried
    /// over the target in steps (the page sees pointermove all the way) and released there. Returns once the server has
    /// answered the change the drop asked for.
    /// </summary>
    private static Task DragAsync(BrowserTab tab, string card, string target) =>
        tab.Page.RunAndWaitForResponseAsync(() => MouseDragAsync(tab, card, target),
            response => response.Request.Method == "POST" && response.Url.Contains("/api/deals/", StringComparison.Ordinal));

    private static async Task MouseDragAsync(BrowserTab tab, string card, string target)
    {
        var from = await BoxAsync(tab, card);
        var mouse = tab.Page.Mouse;
        await mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await mouse.DownAsync();
        await mouse.MoveAsync(from.X + from.Width / 2 + 10, from.Y + from.Height / 2 + 5, new() { Steps = 3 });
        // The won and lost zones slide in once a drag has begun: a hand goes for them when they are there.
        await Assertions.Expect(tab.Page.Locator(target)).ToBeInViewportAsync(new() { Ratio = 1 });
        var to = await BoxAsync(tab, target);
        await mouse.MoveAsync(to.X + to.Width / 2, to.Y + Math.Min(to.Height / 2, 40), new() { Steps = 12 });
        await mouse.UpAsync();
    }

    /// <summary>A finger on the touch screen, through Chromium's own input (Playwright has taps, not touch drags).</summary>
    private static Task TouchAsync(ICDPSession cdp, string type, double x, double y) =>
        cdp.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = type == "touchEnd" ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["x"] = x, ["y"] = y } },
        });

    private static async Task<LocatorBoundingBoxResult> BoxAsync(BrowserTab tab, string selector)
    {
        var locator = tab.Page.Locator(selector);
        await locator.WaitForAsync();
        return await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not shown");
    }

    private async Task<long> DealAsync(long ownerId, string client, string title, decimal amount, int stage, int daysAgo) =>
        await App.WriteAsync(async db =>
        {
            var row = await db.Clients.FirstOrDefaultAsync(c => c.Name == client && c.OwnerUserId == ownerId);
            if (row is null)
            {
                row = Client.Create(client, ownerId, DateTime.UtcNow.AddDays(-30), ownerId);
                db.Clients.Add(row);
                await db.SaveChangesAsync();
            }

            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var position = await db.Stages.SingleAsync(s => s.CycleId == cycle.Id && !s.IsRetired && s.Position == stage);
            var (deal, opened) = Deal.Open(row, cycle, position, amount, "RUB", title, ownerId, DateTime.UtcNow.AddDays(-daysAgo).AddMinutes(-5), ownerId);
            db.Deals.Add(deal);
            db.StageChanges.Add(opened);
            await db.SaveChangesAsync();
            return deal.Id;
        });

    private Task<Deal> DealRowAsync(long id) => App.QueryAsync(db => db.Deals.AsNoTracking().SingleAsync(d => d.Id == id));
}
