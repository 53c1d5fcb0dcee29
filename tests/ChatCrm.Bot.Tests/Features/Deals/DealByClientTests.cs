using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

/// <summary>A deal command given a client instead of a deal number means that client's open deal.</summary>
public abstract class DealByClientTests(TestDatabase database) : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private long _ivanId;
    private long _romashka;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        await _app.WithoutScenariosAsync(); // moves and lists here, not the regulation
        _ivan = await Chat.JoinAsync(_app, 2002, "manager", "Иван");
        _ivanId = await _ivan.UserIdAsync();
        _romashka = await Seed.ClientAsync(_app, "Ромашка", _ivanId, DateTime.UtcNow);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<Deal> DealAsync(long id) => _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == id));

    [DatabaseFact]
    public async Task Move_with_the_client_of_one_open_deal_goes_straight_to_the_stage_buttons()
    {
        var id = await Seed.DealAsync(_app, _romashka, _ivanId, 150_000m, DateTime.UtcNow.AddDays(-2), title: "Станки");

        var (text, markup) = await _ivan.LastAsync("/move Ромашка");

        text.Should().Contain("Куда двигаем");
        markup.Should().Contain($"mv:{id}:");
        (await _ivan.LastAsync("Договор")).Text.Should().Contain("→ «Договор»");
        (await DealAsync(id)).EnteredStageName.Should().Be("Договор");
    }

    [DatabaseFact]
    public async Task Move_with_a_case_form_of_the_client_and_a_stage_moves_its_only_deal()
    {
        var id = await Seed.DealAsync(_app, _romashka, _ivanId, 150_000m, DateTime.UtcNow.AddDays(-2));

        (await _ivan.LastAsync("/move Ромашку Договор")).Text.Should().Contain("→ «Договор»");
        (await DealAsync(id)).EnteredStageName.Should().Be("Договор");
    }

    [DatabaseFact]
    public async Task Several_open_deals_are_offered_as_buttons_and_the_pick_goes_on()
    {
        var first = await Seed.DealAsync(_app, _romashka, _ivanId, 150_000m, DateTime.UtcNow.AddDays(-3), title: "Станки");
        var second = await Seed.DealAsync(_app, _romashka, _ivanId, 40_000m, DateTime.UtcNow.AddDays(-1), title: "Сервис");

        var asked = await _ivan.LastAsync("/move Ромашка");

        asked.Text.Should().Be("Какая сделка «Ромашка»?");
        asked.Labels.Should().Contain(l => l.StartsWith($"#{first} Станки", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith($"#{second} Сервис", StringComparison.Ordinal));
        var stages = (await _ivan.TapAsync($"pick:{second}"))[^1];
        stages.Text.Should().Contain("Куда двигаем");
        stages.Markup.Should().Contain($"mv:{second}:").And.NotContain($"mv:{first}:");
    }

    [DatabaseFact]
    public async Task Won_with_the_client_closes_its_only_open_deal()
    {
        var id = await Seed.DealAsync(_app, _romashka, _ivanId, 150_000m, DateTime.UtcNow.AddDays(-2));

        await _ivan.SayAsync("/won Ромашка");

        (await DealAsync(id)).Status.Should().Be(DealStatus.Won);
    }

    [DatabaseFact]
    public async Task A_client_without_open_deals_is_said_so_with_a_button_to_open_one()
    {
        var (text, markup) = await _ivan.LastAsync("/lost Ромашка дорого");

        text.Should().Be("У «Ромашка» нет открытых сделок.");
        markup.Should().Contain($"ca:d:{_romashka}");
    }

    [DatabaseFact]
    public async Task Text_that_names_no_client_still_asks_for_the_number()
    {
        var text = (await _ivan.LastAsync("/move Одуванчик")).Text;

        text.Should().NotContain("Одуванчик").And.Be((await _ivan.LastAsync("/move")).Text);
    }

    [DatabaseFact]
    public async Task Another_managers_client_is_not_found_and_their_deal_not_offered()
    {
        var petr = await Chat.JoinAsync(_app, 3003, "manager", "Пётр");
        var theirs = await Seed.ClientAsync(_app, "Василёк", await petr.UserIdAsync(), DateTime.UtcNow);
        var id = await Seed.DealAsync(_app, theirs, await petr.UserIdAsync(), 10_000m, DateTime.UtcNow);

        var said = await _ivan.LastAsync("/move Василёк");

        said.Markup.Should().NotContain($"mv:{id}:").And.NotContain($"pick:{id}");
        said.Text.Should().NotContain("Василёк");
    }
}

public sealed class DealByClientTestsOnSqlite() : DealByClientTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DealByClientTestsOnPostgres() : DealByClientTests(TestDatabase.Postgres());
