using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

/// <summary>Issue 9: the built-in stages and lost reasons answer to their names in both languages.</summary>
public sealed class BuiltInNamesTests : IAsyncLifetime
{
    private const long John = 2003;
    private ChatCrmApp _app = null!;
    private Chat _john = null!;

    public async Task InitializeAsync()
    {
        // The company is seeded in Russian (the default); John writes in English.
        _app = await ChatCrmApp.StartAsync();
        await _app.WithoutScenariosAsync(); // moves and lists here, not the regulation
        _john = await Chat.JoinAsync(_app, John, "manager", "John", "en");
        await Seed.ClientAsync(_app, "Acme", await _john.UserIdAsync(), DateTime.UtcNow);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<Deal> DealAsync(long id) => _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == id));

    [Fact]
    public async Task An_english_manager_moves_to_a_russian_seeded_stage_by_its_english_name_and_sees_english_names()
    {
        var id = await _john.OpenDealAsync("Acme 100k tools");

        var moved = await _john.LastAsync($"/move {id} Proposal");

        moved.Text.Should().Contain("“First contact” → “Proposal”");
        moved.Labels.Should().Contain("Qualification").And.NotContain("Квалификация");
        var stage = await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Id == db.Deals.Single(d => d.Id == id).StageId));
        stage.Name.Should().Be("Предложение", "the stored name stays as seeded");
    }

    [Fact]
    public async Task An_english_manager_loses_a_deal_for_a_built_in_reason_named_in_english_with_a_comment()
    {
        var id = await _john.OpenDealAsync("Acme 100k tools");

        (await _john.LastAsync($"/lost {id} price too high")).Text.Should().Contain("Price");

        var deal = await DealAsync(id);
        deal.Status.Should().Be(DealStatus.Lost);
        deal.LostNote.Should().Be("too high");
        (await _app.QueryAsync(db => db.LostReasons.SingleAsync(r => r.Id == deal.LostReasonId))).Name.Should().Be("Цена");
    }

    [Fact]
    public async Task A_russian_manager_still_uses_the_russian_names_and_an_admins_stage_stays_as_typed()
    {
        var ivan = await Chat.JoinAsync(_app, 2001, "manager", "Иван");
        await Seed.ClientAsync(_app, "Ромашка", await ivan.UserIdAsync(), DateTime.UtcNow);
        var id = await ivan.OpenDealAsync("Ромашка 100к станки");
        await Chat.Admin(_app).LastAsync("/stage add Подача заявки");

        (await ivan.LastAsync($"/move {id} proposal")).Text.Should().Contain("«Первый контакт» → «Предложение»");
        (await ivan.LastAsync($"/move {id}", "en")).Labels.Should().Contain("Подача заявки").And.Contain("Contract");
    }

    [Fact]
    public async Task An_english_admin_tunes_a_russian_seeded_stage_and_reason_by_their_english_names()
    {
        var admin = Chat.Admin(_app);

        await admin.LastAsync("/stage set Proposal days 21", "en");
        (await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Name == "Предложение"))).DaysAllowed.Should().Be(21);

        await admin.LastAsync("/reason remove No budget", "en");
        (await _app.QueryAsync(db => db.LostReasons.Where(r => r.Name == "Нет бюджета" && !r.IsRetired).CountAsync())).Should().Be(0);
    }
}
