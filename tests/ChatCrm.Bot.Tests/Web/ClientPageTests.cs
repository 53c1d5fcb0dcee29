using System.Net;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Bot.Tests.Web;

/// <summary>Issue 13: clients on the board — the chat's /card found by search, within what the user may see.</summary>
public sealed class ClientPageTests : IAsyncLifetime
{
    private const long Head = 3301, Ivan = 3302, Petr = 3303;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        var now = DateTime.UtcNow;
        await Seed.UserAsync(_app, Head, Role.Head, now, name: "Ольга");
        var ivanId = (await Seed.UserAsync(_app, Ivan, Role.Manager, now, name: "Иван")).Id;
        var petrId = (await Seed.UserAsync(_app, Petr, Role.Manager, now, name: "Пётр")).Id;
        var romashka = await Seed.ClientAsync(_app, "Ромашка", ivanId, phone: "+79161234567");
        await Seed.DealAsync(_app, romashka, ivanId, 150_000m, now.AddDays(-1), title: "Станки");
        await Seed.ClientAsync(_app, "Лютик", petrId);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient As(long telegramId) => WebAppData.Client(_app, WebAppData.Sign(telegramId, DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_head_finds_a_client_by_name_or_phone_and_sees_the_card_with_its_buttons()
    {
        using var head = As(Head);

        var byName = await (await head.GetAsync("/app/part/clients?q=Ромашка")).Content.ReadAsStringAsync();
        var byPhone = await (await head.GetAsync("/app/part/clients?q=" + Uri.EscapeDataString("8 916 123-45-67"))).Content.ReadAsStringAsync();

        byName.Should().Contain("Ромашка").And.Contain("Станки").And.Contain("data-press=");
        byPhone.Should().Contain("Ромашка").And.Contain("Станки");
        (await OutboxCountAsync(Head)).Should().Be(0, "the card is shown on the page, not sent to the chat");
    }

    [Fact]
    public async Task A_manager_does_not_get_another_managers_client()
    {
        using var ivan = As(Ivan);

        var html = await (await ivan.GetAsync("/app/part/clients?q=Лютик")).Content.ReadAsStringAsync();

        html.Should().NotContain("Пётр").And.NotContain("data-press=\"card:");
    }

    [Fact]
    public async Task An_overlong_search_gets_a_clear_400()
    {
        using var head = As(Head);

        var response = await head.GetAsync("/app/part/clients?q=" + new string('я', 201));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private Task<int> OutboxCountAsync(long chatId) =>
        _app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Outbox, o => o.ChatId == chatId));
}
