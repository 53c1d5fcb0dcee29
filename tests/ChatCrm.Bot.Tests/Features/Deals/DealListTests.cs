using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

public abstract class DealListTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private const long Petr = 2002;
    private const long Evil = 2003;
    private const long Olga = 2004;
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;
    private Chat _petr = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        await _app.WithoutScenariosAsync(); // moves and lists here, not the regulation
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        _petr = await Chat.JoinAsync(_app, Petr, "manager", "Пётр");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    /// <summary>Deals made in the database: the list is what is tested here, not opening them.</summary>
    private async Task SeedAsync(long ownerTelegramId, int count, string clientName, int stageIndex = 0, string? title = null)
    {
        var owner = await _app.UserIdAsync(ownerTelegramId);
        await _app.QueryAsync(async db =>
        {
            var client = Client.Create(clientName, owner, DateTime.UtcNow, owner);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stage = (await db.Stages.Where(s => s.CycleId == cycle.Id).OrderBy(s => s.Position).ToListAsync())[stageIndex];
            for (var i = 0; i < count; i++)
            {
                var (deal, opened) = Deal.Open(client, cycle, stage, 1_000m + i, "RUB", title, owner, DateTime.UtcNow.AddDays(-3), owner);
                db.Deals.Add(deal);
                db.StageChanges.Add(opened);
            }

            return await db.SaveChangesAsync();
        });
    }

    [DatabaseFact]
    public async Task Many_deals_are_paged_under_the_telegram_limit_and_the_buttons_turn_the_pages()
    {
        var longName = "Очень длинное название клиента <b>&</b> " + new string('Ж', 150);
        await SeedAsync(Ivan, 30, longName, 0, new string('&', 190));
        await SeedAsync(Ivan, 15, "Лютик", 2);

        var (first, markup) = await _ivan.LastAsync("/deals");
        first.Should().StartWith("💼 <b>Открытые сделки</b>: 45 (стр. 1/3)");
        first.Should().Contain("<b>Первый контакт</b>").And.Contain("1 000 ₽, 3 дня");
        first.Length.Should().BeLessThanOrEqualTo(4096);
        first.Split('\n').Count(l => l.StartsWith('#')).Should().Be(20);
        markup.Should().Contain("dls:2");

        var (third, _) = (await _ivan.TapAsync("dls:3"))[^1];
        third.Should().Contain("(стр. 3/3)").And.Contain("<b>Предложение</b>").And.Contain("Лютик");
        third.Length.Should().BeLessThanOrEqualTo(4096);
        third.Split('\n').Count(l => l.StartsWith('#')).Should().Be(5);
    }

    [DatabaseFact]
    public async Task A_stage_or_a_client_narrows_the_list_and_others_deals_are_not_shown()
    {
        await SeedAsync(Ivan, 2, "Ромашка", 0);
        await SeedAsync(Ivan, 3, "Лютик", 1);
        await SeedAsync(Petr, 4, "Василёк", 1);

        (await _ivan.LastAsync("/deals квалификация")).Text.Should().Contain("— «Квалификация»: 3").And.NotContain("Василёк");
        (await _ivan.LastAsync("/deals Ромашка")).Text.Should().Contain("— «Ромашка»: 2");
        (await _ivan.LastAsync("/deals Одуванчик")).Text.Should().Contain("Не нашёл ни этапа, ни клиента «Одуванчик»");
        (await _petr.LastAsync("/deals")).Text.Should().Contain(": 4").And.NotContain("Ромашка");
    }

    [DatabaseFact]
    public async Task A_head_sees_whose_each_deal_is_and_a_manager_does_not_see_their_own_name()
    {
        await Chat.JoinAsync(_app, Evil, "manager", "<b>Evil</b>");
        var olga = await Chat.JoinAsync(_app, Olga, "head", "Ольга");
        await SeedAsync(Ivan, 2, "Ромашка", 0);
        await SeedAsync(Petr, 1, "Василёк", 1);
        await SeedAsync(Evil, 1, "Лютик", 1);

        var all = (await olga.LastAsync("/deals")).Text;

        all.Should().StartWith("💼 <b>Открытые сделки</b>: 4");
        var lines = all.Split('\n').Where(l => l.StartsWith('#')).ToList();
        lines.Should().HaveCount(4).And.OnlyContain(l => l.Contains(" · 👤 "));
        lines.Should().Contain(l => l.StartsWith("#1 Ромашка — 1 000 ₽, 3 дня · 👤 Иван"))
            .And.Contain(l => l.EndsWith("Василёк — 1 000 ₽, 3 дня · 👤 Пётр"))
            .And.Contain(l => l.EndsWith("Лютик — 1 000 ₽, 3 дня · 👤 &lt;b&gt;Evil&lt;/b&gt;"));
        all.Should().NotContain("<b>Evil</b>");
        (await olga.LastAsync("/deals", "en")).Text.Should().StartWith("💼 <b>Open deals</b>: 4")
            .And.Contain("Василёк — 1,000 ₽, 3 days · 👤 Пётр");

        var own = (await _ivan.LastAsync("/deals")).Text;
        own.Should().Contain("#1 Ромашка — 1 000 ₽, 3 дня").And.NotContain("👤");
    }

    [DatabaseFact]
    public async Task A_heads_page_of_long_hostile_names_still_fits_one_message()
    {
        await Chat.JoinAsync(_app, Evil, "manager", "<b>Evil</b> & " + new string('Ж', 120));
        var olga = await Chat.JoinAsync(_app, Olga, "head", "Ольга");
        var longName = "Очень длинное название клиента <b>&</b> " + new string('Ж', 150);
        for (var stage = 0; stage < 5; stage++)
        {
            await SeedAsync(Evil, 5, longName, stage, new string('&', 190));
        }

        var (first, markup) = await olga.LastAsync("/deals");

        first.Length.Should().BeLessThanOrEqualTo(Reply.MaxLength);
        first.Should().NotEndWith("\n…", "the page fits whole, it is not cut by the last line of defence");
        var lines = first.Split('\n').Where(l => l.StartsWith('#')).ToList();
        lines.Should().HaveCount(20).And.OnlyContain(l => l.EndsWith(" · 👤 &lt;b&gt;Evil&lt;/b&gt;…"));
        markup.Should().Contain("dls:2");
    }

    [DatabaseFact]
    public async Task No_open_deals_says_how_to_open_one()
    {
        (await _ivan.LastAsync("/deals")).Text.Should().Contain("Открытых сделок нет");
        (await _ivan.LastAsync("/deals", "en")).Text.Should().Contain("No open deals");
    }
}

public sealed class DealListTestsOnSqlite() : DealListTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DealListTestsOnPostgres() : DealListTests(TestDatabase.Postgres());
