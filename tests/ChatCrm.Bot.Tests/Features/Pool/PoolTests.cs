using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Pool;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.Pool;

public abstract class PoolTests(TestDatabase database) : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private Chat _head = null!;
    private Chat _ivan = null!;
    private Chat _petr = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _head = await Chat.JoinAsync(_app, 4001, role: "head", name: "Ольга");
        _ivan = await Chat.JoinAsync(_app, 4002, name: "Иван");
        _petr = await Chat.JoinAsync(_app, 4003, name: "Пётр");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<int> PoolCountAsync() => _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == null));

    private Task OpenPoolAsync() => _head.LastAsync("/settings pool on");

    private static string TakeData(long id) => TakeFromPool.Data(id);

    [DatabaseFact]
    public async Task A_head_puts_a_client_in_the_pool_and_the_reply_says_so()
    {
        var reply = await _head.LastAsync("/client Ромашка, 8 900 123-45-67 в пул");

        reply.Text.Should().Contain("Клиент <b>Ромашка</b> создан и положен в пул").And.Contain("+7 900 123-45-67");
        var client = await _head.ClientAsync("Ромашка");
        client.OwnerUserId.Should().BeNull();
        client.Phones.Should().Be("+79001234567");

        (await _head.LastAsync("/client Лютик, info@lutik.ru, pool")).Text.Should().Contain("положен в пул");
        (await _head.ClientAsync("Лютик")).OwnerUserId.Should().BeNull();
        (await _head.LastAsync("/client Василёк")).Text.Should().Contain("Клиент <b>Василёк</b> создан.", "without the word it is the head's own");
        (await _head.ClientAsync("Василёк")).OwnerUserId.Should().Be(await _head.UserIdAsync());
    }

    [DatabaseFact]
    public async Task A_manager_writing_pool_is_refused_and_nothing_is_created_unless_the_name_is_quoted()
    {
        var said = await _ivan.SayAsync("/client Ромашка, +7 900 123-45-67 в пул");

        said.Should().ContainSingle();
        said[0].Text.Should().Contain("не создан").And.Contain("только руководитель");
        (await _app.CountAsync<Client>()).Should().Be(0);

        (await _ivan.LastAsync("/client «Аква Пул»")).Text.Should().Contain("создан");
        (await _ivan.ClientAsync("«Аква Пул»")).OwnerUserId.Should().Be(await _ivan.UserIdAsync());
    }

    [DatabaseFact]
    public async Task The_pool_is_listed_oldest_first_with_counts_per_segment_a_segment_filter_and_pages()
    {
        var retail = await Seed.SegmentAsync(_app, "розница");
        var start = DateTime.UtcNow.AddDays(-40);
        await _app.WriteAsync(async db =>
        {
            var segment = await db.Segments.SingleAsync(s => s.Id == retail);
            for (var i = 0; i < 12; i++)
            {
                var client = Client.Create($"Розничный {i + 1:00}", 1, start.AddHours(i), null);
                client.SetSegment(segment);
                client.SetCity("Казань");
                db.Clients.Add(client);
            }

            for (var i = 0; i < 3; i++)
            {
                db.Clients.Add(Client.Create($"Просто {i + 1}", 1, start.AddDays(1).AddHours(i), null));
            }

            return 0;
        });
        await Seed.ClientAsync(_app, "Чужой", await _ivan.UserIdAsync());

        var first = await _head.LastAsync("/pool");

        first.Text.Should().Contain("15 клиентов без менеджера").And.Contain("#розница — 12").And.Contain("без сегмента — 3")
            .And.Contain("Страница 1 из 2").And.Contain("1. <b>Розничный 01</b>, Казань #розница").And.Contain("10. <b>Розничный 10</b>")
            .And.NotContain("Розничный 11").And.NotContain("Чужой");
        first.Has("card:").Should().BeTrue("a head opens any pool client's card");
        first.Has("pool:d:0").Should().BeTrue("🎲 hands the pool out");
        first.Has(TakeFromPool.Prefix).Should().BeFalse("a head assigns or distributes rather than takes");

        var second = (await _head.TapAsync("pool:p:0:2"))[^1];
        second.Text.Should().Contain("Страница 2 из 2").And.Contain("11. <b>Розничный 11</b>").And.Contain("15. <b>Просто 3</b>")
            .And.NotContain("Розничный 10");

        var filtered = await _head.LastAsync("/pool #Розница");
        filtered.Text.Should().Contain("Пул, сегмент #розница</b>: 12 клиентов").And.NotContain("Просто");
        filtered.Has($"pool:p:{retail}:2").Should().BeTrue();

        var unknown = await _head.LastAsync("/pool #опт");
        unknown.Text.Should().Contain("Сегмента «опт» нет");
    }

    [DatabaseFact]
    public async Task Distribute_deals_out_a_pool_made_with_client_pool_and_tells_each_manager_whom_they_got()
    {
        foreach (var name in new[] { "Альфа", "Бета", "Гамма", "Дельта" })
        {
            await _head.SayAsync($"/client {name} в пул");
        }

        var pool = await _head.LastAsync("/pool");
        pool.Text.Should().Contain("4 клиента без менеджера");
        var preview = (await _head.TapAsync(pool.Button("Раздать")))[^1];
        preview.Text.Should().Contain("4 клиента").And.Contain("<b>Иван</b>: было 0 → станет 2 (+2)").And.Contain("<b>Пётр</b>: было 0 → станет 2 (+2)");

        (await _head.TapAsync(preview.Button("Раздать")))[^1].Text.Should().Contain("Роздано 4 клиента");

        (await PoolCountAsync()).Should().Be(0);
        var ivan = await _ivan.UserIdAsync();
        var ivans = await _app.QueryAsync(db => db.Clients.Where(c => c.OwnerUserId == ivan).OrderBy(c => c.Id).Select(c => c.Name).ToListAsync());
        ivans.Should().HaveCount(2);
        var notice = (await _app.Api.WaitForMessagesAsync(_ivan.TelegramId, 2))[^1].Text;
        notice.Should().Contain("Вам передано 2 клиента").And.Contain(ivans[0]).And.Contain(ivans[1]);
        (await _head.LastAsync("/pool")).Text.Should().Contain("Пул пуст");
    }

    [DatabaseFact]
    public async Task With_the_pool_closed_a_manager_neither_sees_it_nor_takes_from_it()
    {
        var id = await Seed.ClientAsync(_app, "Ромашка", null);

        (await _ivan.LastAsync("/pool")).Text.Should().Contain("Пул закрыт").And.NotContain("Ромашка");
        (await _ivan.LastAsync("/take Ромашка")).Text.Should().Contain("Пул закрыт");
        (await _ivan.TapAsync(TakeData(id)))[^1].Text.Should().Contain("Пул закрыт");
        (await _ivan.LastAsync("/card Ромашка")).Text.Should().NotContain("👤", "the pool is not among a manager's clients");

        (await PoolCountAsync()).Should().Be(1);
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "client.taken"))).Should().BeFalse();
    }

    [DatabaseFact]
    public async Task With_the_pool_open_a_manager_takes_by_name_and_by_button_and_undo_puts_it_back()
    {
        var romashka = await Seed.ClientAsync(_app, "Ромашка", null, phone: "+79001234567");
        var lutik = await Seed.ClientAsync(_app, "Лютик", null);
        (await _head.LastAsync("/settings")).Text.Should().Contain("Менеджеры видят пул и берут из него: <b>выкл</b> (по умолчанию)");
        (await _head.LastAsync("/settings pool on")).Text.Should().Contain("вкл");

        var list = await _ivan.LastAsync("/pool");
        list.Text.Should().Contain("2 клиента без менеджера").And.Contain("Ромашка").And.Contain("+7 900 123-45-67");
        list.CallbackData.Should().Contain([TakeData(romashka), TakeData(lutik)]);
        list.Has("card:").Should().BeFalse("a manager does not open a pool client's card");

        (await _ivan.LastAsync("/take Ромашк")).Text.Should().Contain("Клиент <b>Ромашка</b> теперь ваш");
        var ivan = await _ivan.UserIdAsync();
        (await _ivan.ClientAsync("Ромашка")).OwnerUserId.Should().Be(ivan);
        (await _app.QueryAsync(db => db.Audit.SingleAsync(a => a.Action == "client.taken"))).Subject.Should().Be("Ромашка");
        (await _ivan.LastAsync("/card Ромашка")).Text.Should().Contain("Ромашка", "a taken client is the manager's own");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain("взят из пула");
        (await _ivan.ClientAsync("Ромашка")).OwnerUserId.Should().BeNull();

        (await _ivan.TapAsync(TakeData(lutik)))[^1].Text.Should().Contain("Клиент <b>Лютик</b> теперь ваш");
        (await _ivan.ClientAsync("Лютик")).OwnerUserId.Should().Be(ivan);
        (await _petr.TapAsync(TakeData(lutik)))[^1].Text.Should().Contain("Этого клиента уже взял Иван");
        (await _ivan.TapAsync(TakeData(lutik)))[^1].Text.Should().Contain("уже ваш");

        (await _head.LastAsync("/settings pool off")).Text.Should().Contain("выкл");
        (await _petr.LastAsync("/take Ромашка")).Text.Should().Contain("Пул закрыт");
        (await PoolCountAsync()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_manager_never_reaches_another_managers_client_through_pool_or_take()
    {
        await OpenPoolAsync();
        var petrs = await Seed.ClientAsync(_app, "Ромашка", await _petr.UserIdAsync(), phone: "+79001234567");

        (await _ivan.LastAsync("/pool")).Text.Should().Contain("Пул пуст").And.NotContain("Ромашка");
        (await _ivan.LastAsync("/take Ромашка")).Text.Should().Contain("В пуле нет клиента «Ромашка»");
        (await _ivan.LastAsync("/take 4567")).Text.Should().Contain("В пуле нет клиента").And.NotContain("Ромашка");
        (await _ivan.TapAsync(TakeData(petrs)))[^1].Text.Should().Be("⏱ Этого клиента уже взял Пётр.");

        (await _petr.ClientAsync("Ромашка")).OwnerUserId.Should().Be(await _petr.UserIdAsync());
    }

    [DatabaseFact]
    public async Task Two_managers_tapping_take_on_one_client_at_once_exactly_one_gets_it()
    {
        await OpenPoolAsync();
        var ivan = await _ivan.UserIdAsync();
        var petr = await _petr.UserIdAsync();
        for (var i = 0; i < 5; i++)
        {
            var id = await Seed.ClientAsync(_app, $"Спорный {i}", null);

            var answers = await Task.WhenAll(_ivan.TapAsync(TakeData(id)), _petr.TapAsync(TakeData(id)));

            var texts = answers.Select(a => a[^1].Text).ToList();
            texts.Count(t => t.Contains("теперь ваш", StringComparison.Ordinal)).Should().Be(1, string.Join(" | ", texts));
            texts.Count(t => t.Contains("Этого клиента уже взял", StringComparison.Ordinal)).Should().Be(1, string.Join(" | ", texts));
            var owner = await _app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.OwnerUserId).SingleAsync());
            var winner = texts[0].Contains("теперь ваш", StringComparison.Ordinal) ? ivan : petr;
            owner.Should().Be(winner);
            texts.Should().Contain(t => t.Contains(winner == ivan ? "уже взял Иван" : "уже взял Пётр", StringComparison.Ordinal));
        }

        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "client.taken"))).Should().Be(5);
    }

    [DatabaseFact]
    public async Task Two_contexts_racing_the_claim_on_a_sqlite_file_give_each_client_one_owner() =>
        await RaceAsync(_app, _ivan, _petr);

    /// <summary>
    /// The claim (<see cref="TakeFromPool.TryTakeAsync"/>) run by two DbContexts at the same instant, each in its own
    /// transaction as an update runs, for twenty clients: each gets exactly one owner and exactly one claim succeeds.
    /// </summary>
    internal static async Task RaceAsync(ChatCrmApp app, Chat first, Chat second)
    {
        var a = await first.UserIdAsync();
        var b = await second.UserIdAsync();
        var ids = new List<long>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await Seed.ClientAsync(app, $"Гонка {i}", null));
        }

        foreach (var id in ids)
        {
            using var start = new Barrier(2);
            var claims = await Task.WhenAll(ClaimAsync(id, a), ClaimAsync(id, b));
            claims.Count(c => c).Should().Be(1, $"client {id}");
            var owner = await app.QueryAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.OwnerUserId).SingleAsync());
            owner.Should().Be(claims[0] ? a : b);

            Task<bool> ClaimAsync(long client, long user) => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
                await db.Database.OpenConnectionAsync();
                start.SignalAndWait();
                await using var tx = await db.Database.BeginTransactionAsync();
                var won = await TakeFromPool.TryTakeAsync(db, client, user, CancellationToken.None);
                await tx.CommitAsync();
                return won;
            });
        }
    }
}

public sealed class PoolTestsOnSqlite() : PoolTests(TestDatabase.Sqlite());

[Postgres]
public sealed class PoolTestsOnPostgres() : PoolTests(TestDatabase.Postgres());
