using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Messages;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Records;

public sealed class HistoryTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(Now);
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(clock: _clock);
        _ivan = await Chat.JoinAsync(_app, 2002);
        _ivanId = await _ivan.UserIdAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_timeline_is_newest_first_with_touches_plans_deal_moves_wins_and_payments()
    {
        var id = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-30));
        await Seed.TouchAsync(_app, id, _ivanId, Now.AddDays(-10), "первый звонок");
        var deal = await Seed.DealAsync(_app, id, _ivanId, 100_000m, Now.AddDays(-9), title: "станки");
        await _ivan.SayAsync($"/won {deal}");
        await _ivan.SayAsync($"/paid {deal} 40000");
        await Seed.PlannedAsync(_app, id, _ivanId, Now.AddDays(2), Now, "прислать КП");
        await _ivan.SayAsync("/person Ромашка Иван Петров, закупщик");

        var said = await _ivan.LastAsync("/history Ромашка");

        var text = said.Plain;
        text.Should().Contain("📜 <b>История</b> <b>Ромашка</b>").And.Contain("Контактные лица: Иван Петров, закупщик");
        var order = new[] { "запланирован: Звонок — прислать КП", "оплата по #" + deal + ": 40 000 ₽", "#" + deal + " выиграна: 100 000 ₽",
            "сделка #" + deal + " «станки» открыта: 100 000 ₽", "✅ Звонок — первый звонок" };
        order.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
        text.Should().Contain("23 нояб. 2026, 12:00", "dates are in the user's zone (Moscow) and language");
    }

    [Fact]
    public async Task A_long_history_is_paged_with_buttons_and_every_page_fits_a_message()
    {
        var id = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-400));
        for (var i = 1; i <= 60; i++)
        {
            await Seed.TouchAsync(_app, id, _ivanId, Now.AddDays(-i), $"звонок номер {i:00} " + new string('ж', 50));
        }

        var first = await _ivan.LastAsync("/history Ромашка");
        first.Text.Should().Contain("(стр. 1/3)").And.Contain("звонок номер 01").And.NotContain("звонок номер 26");
        first.Text.IndexOf("номер 01", StringComparison.Ordinal).Should().BeLessThan(first.Text.IndexOf("номер 02", StringComparison.Ordinal));
        first.Buttons.Should().Contain(b => b.Data == $"hist:{id}:2");

        var second = (await _ivan.TapAsync($"hist:{id}:2"))[^1];
        second.Redrawn.Should().BeTrue();
        second.Text.Should().Contain("(стр. 2/3)").And.Contain("звонок номер 26").And.NotContain("звонок номер 25 ");
        second.Buttons.Select(b => b.Data).Should().Contain([$"hist:{id}:1", $"hist:{id}:3"]);

        var third = (await _ivan.TapAsync($"hist:{id}:3"))[^1];
        third.Text.Should().Contain("звонок номер 60").And.Contain("(стр. 3/3)");
        foreach (var page in new[] { first, second, third })
        {
            page.Text.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength);
        }
    }

    [Fact]
    public async Task A_manager_cannot_see_another_managers_history()
    {
        var petr = await Chat.JoinAsync(_app, 2003, name: "Пётр");
        var id = await Seed.ClientAsync(_app, "Лютик", await petr.UserIdAsync(), Now);
        await Seed.TouchAsync(_app, id, await petr.UserIdAsync(), Now.AddDays(-1), "секретный звонок");

        (await _ivan.LastAsync("/history Лютик")).Text.Should().Contain("не нашёл");
        (await _ivan.TapAsync($"hist:{id}:1")).Should().NotContain(s => s.Text.Contains("секретный", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_command_asks_which_client()
    {
        (await _ivan.LastAsync("/history")).Text.Should().Contain("Историю какого клиента");
        (await _ivan.LastAsync("/history", "en")).Text.Should().Contain("Whose history");
    }
}
