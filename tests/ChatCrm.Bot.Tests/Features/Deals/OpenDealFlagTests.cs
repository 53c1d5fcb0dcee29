using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

/// <summary>
/// The forgotten-client scan starts from <see cref="Client.HasOpenDeal"/>, which the store keeps in step: as a deal opens,
/// is won, lost, reopened, undone or moves with a merge, a client becomes forgotten or stops being — in the digest's
/// company-wide count and in the owner's morning list alike, and always the same clients as the deals themselves say.
/// </summary>
public abstract class OpenDealFlagTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        await _app.WithoutScenariosAsync();
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        _ivanId = await _ivan.UserIdAsync();
        // Created a month ago and never touched: forgotten the moment it has an open deal.
        await Seed.ClientAsync(_app, "Ромашка", _ivanId, DateTime.UtcNow.AddDays(-30));
        await Seed.ClientAsync(_app, "Лютик", _ivanId, DateTime.UtcNow.AddDays(-30));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    /// <summary>
    /// The forgotten clients by name, as the digest counts them (company-wide, per owner) and as the morning lists the
    /// owner's; each checked against the deals themselves, so a flag out of step cannot pass.
    /// </summary>
    private Task<string[]> ForgottenAsync() => _app.QueryAsync(async db =>
    {
        var rules = await ForgottenClients.LoadAsync(db, DateTime.UtcNow, 7, CancellationToken.None);
        var company = await rules.Query(db).GroupBy(c => c.OwnerUserId).Select(g => new { g.Key, N = g.Count() }).ToListAsync();
        var mine = await rules.Of(db, _ivanId).OrderBy(c => c.Name).Select(c => c.Name).ToArrayAsync();
        var byDeals = await db.Clients.Where(c => db.Deals.Any(d => d.ClientId == c.Id && d.Status == DealStatus.Open))
            .OrderBy(c => c.Name).Select(c => c.Name).ToArrayAsync();

        company.Sum(x => x.N).Should().Be(mine.Length, "the digest's company-wide count and the owner's list agree");
        mine.Should().Equal(byDeals, "the flag says what the deals say");
        return mine;
    });

    [DatabaseFact]
    public async Task A_client_becomes_forgotten_and_stops_being_as_its_deal_opens_closes_reopens_and_is_undone()
    {
        (await ForgottenAsync()).Should().BeEmpty("no client has an open deal");

        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        (await ForgottenAsync()).Should().Equal("Ромашка");

        (await _ivan.LastAsync($"/won {id}")).Text.Should().Contain("выиграна");
        (await ForgottenAsync()).Should().BeEmpty("a won deal is no reason to call");

        (await _ivan.TapAsync($"dreo:{id}"))[^1].Text.Should().Contain("снова открыта");
        (await ForgottenAsync()).Should().Equal("Ромашка");

        (await _ivan.LastAsync($"/lost {id} Цена")).Text.Should().Contain("проиграна");
        (await ForgottenAsync()).Should().BeEmpty();

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"проигрыш сделки #{id}");
        (await ForgottenAsync()).Should().Equal("Ромашка");

        var second = await _ivan.OpenDealAsync("Лютик 50к");
        (await ForgottenAsync()).Should().Equal("Лютик", "Ромашка");
        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"открытие сделки #{second}");
        (await ForgottenAsync()).Should().Equal("Ромашка");
    }

    [DatabaseFact]
    public async Task A_client_with_two_open_deals_stays_forgotten_until_the_last_one_closes()
    {
        var first = await _ivan.OpenDealAsync("Ромашка 100к");
        var second = await _ivan.OpenDealAsync("Ромашка 50к ещё одна");

        (await _ivan.LastAsync($"/won {first}")).Text.Should().Contain("выиграна");
        (await ForgottenAsync()).Should().Equal(["Ромашка"], "its other deal is still open");

        (await _ivan.LastAsync($"/lost {second} Цена")).Text.Should().Contain("проиграна");
        (await ForgottenAsync()).Should().BeEmpty();
    }

    [DatabaseFact]
    public async Task An_open_deal_moving_to_another_client_with_a_merge_takes_the_forgotten_client_with_it_and_undo_brings_it_back()
    {
        var won = await _ivan.OpenDealAsync("Лютик 10к");
        await _ivan.SayAsync($"/won {won}");
        await _ivan.OpenDealAsync("Ромашка 100к");
        (await ForgottenAsync()).Should().Equal("Ромашка");

        var ask = await _ivan.LastAsync("/merge Лютик Ромашка");
        if (ask.Text.Contains("какого клиента оставить", StringComparison.Ordinal))
        {
            ask = (await _ivan.TapAsync(ask.Button("Оставить «Лютик»")))[^1];
        }

        (await _ivan.TapAsync(ask.Button("Объединить")))[^1].Text.Should().Contain("объединён с <b>Лютик</b>");
        (await ForgottenAsync()).Should().Equal(["Лютик"], "the open deal is Лютик's now");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("Отменено");
        (await ForgottenAsync()).Should().Equal("Ромашка");
    }
}

public sealed class OpenDealFlagTestsOnSqlite() : OpenDealFlagTests(TestDatabase.Sqlite());

[Postgres]
public sealed class OpenDealFlagTestsOnPostgres() : OpenDealFlagTests(TestDatabase.Postgres());
