using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Records;

public sealed class CardRecordTests : IAsyncLifetime
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
    public async Task The_card_shows_city_note_persons_the_last_three_closed_deals_and_paid_apart_from_won()
    {
        var id = await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now.AddDays(-100));
        await _ivan.SayAsync("/edit Ромашка город Казань");
        await _ivan.SayAsync("/edit Ромашка заметка только по утрам");
        await _ivan.SayAsync("/person Ромашка Иван Петров, закупщик");
        var deals = new List<long>();
        for (var i = 1; i <= 4; i++)
        {
            deals.Add(await Seed.DealAsync(_app, id, _ivanId, i * 10_000m, Now.AddDays(-50), title: $"поставка {i}"));
        }

        await _ivan.SayAsync($"/won {deals[0]}");
        await _ivan.SayAsync($"/won {deals[1]}");
        await _ivan.SayAsync($"/lost {deals[2]} Цена");
        await _ivan.SayAsync($"/paid {deals[0]} 5000");
        await _ivan.SayAsync($"/paid {deals[1]} 15000");
        var open = await Seed.DealAsync(_app, id, _ivanId, 99_000m, Now.AddDays(-1), title: "открытая");

        var card = (await _ivan.LastAsync("/card Ромашка")).Plain;

        card.Should().Contain("🏙 Казань").And.Contain("📝 только по утрам").And.Contain("• Иван Петров, закупщик");
        card.Should().Contain($"#{open} «открытая»");
        card.Should().Contain("Закрытые сделки</b> (3)")
            .And.Contain($"#{deals[2]} «поставка 3» — ❌ проиграна, 30 000 ₽")
            .And.Contain($"#{deals[1]} «поставка 2» — ✅ выиграна, 20 000 ₽")
            .And.Contain($"#{deals[0]} «поставка 1» — ✅ выиграна, 10 000 ₽")
            .And.NotContain("«поставка 4» — ✅").And.NotContain("«поставка 4» — ❌");
        card.Should().Contain("💰 Оплачено за всё время: 20 000 ₽ · выиграно сделок на 30 000 ₽");
    }

    [Fact]
    public async Task A_card_without_closed_deals_or_details_reads_as_before()
    {
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, Now);

        var card = (await _ivan.LastAsync("/card Ромашка")).Text;

        card.Should().NotContain("Закрытые").And.NotContain("Оплачено").And.NotContain("Контактные лица").And.Contain("Открытых сделок нет");
    }
}
