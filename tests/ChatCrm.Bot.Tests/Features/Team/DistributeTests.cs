using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Team;

public abstract class DistributeTests(TestDatabase database) : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private const long Boris = 3001;
    private const long Vera = 3002;
    private const long Gleb = 3003;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _admin = Chat.Admin(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private async Task<(long Boris, long Vera, long Gleb)> JoinThreeAsync()
    {
        await Chat.JoinAsync(_app, Boris, "manager", name: "Борис");
        await Chat.JoinAsync(_app, Vera, "manager", name: "Вера");
        await Chat.JoinAsync(_app, Gleb, "manager", name: "Глеб");
        return (await _app.UserIdAsync(Boris), await _app.UserIdAsync(Vera), await _app.UserIdAsync(Gleb));
    }

    private Task AddClientsAsync(int count, long? ownerId, long? segmentId = null, string prefix = "Клиент") =>
        _app.WriteAsync(async db =>
        {
            var segment = segmentId is { } id ? await db.Segments.SingleAsync(s => s.Id == id) : null;
            for (var i = 0; i < count; i++)
            {
                var client = Client.Create($"{prefix} {ownerId?.ToString() ?? "пул"} {i}", 1, DateTime.UtcNow, ownerId);
                client.SetSegment(segment);
                db.Clients.Add(client);
            }

            return 0;
        });

    private Task<Dictionary<long, int>> OwnedAsync(long? segmentId = null) =>
        _app.QueryAsync(db => db.Clients.Where(c => c.OwnerUserId != null && (segmentId == null || c.SegmentId == segmentId))
            .GroupBy(c => c.OwnerUserId!.Value).ToDictionaryAsync(g => g.Key, g => g.Count()));

    [DatabaseFact]
    public async Task A_hundred_prospects_even_out_three_uneven_loads_after_confirmation()
    {
        var (boris, vera, gleb) = await JoinThreeAsync();
        await AddClientsAsync(10, boris);
        await AddClientsAsync(20, vera);
        await AddClientsAsync(40, gleb);
        await AddClientsAsync(100, null);

        var preview = await _admin.LastAsync("/distribute");

        preview.Text.Should().Contain("100 клиентов").And.Contain("<b>Борис</b>: было 10 → станет 57 (+47)")
            .And.Contain("<b>Вера</b>: было 20 → станет 57 (+37)").And.Contain("<b>Глеб</b>: было 40 → станет 56 (+16)");
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == null))).Should().Be(100, "nothing moves before the confirmation");

        (await _admin.TapAsync(preview.Button("Раздать")))[^1].Text.Should().Contain("Роздано 100 клиентов");

        var owned = await OwnedAsync();
        (owned[boris], owned[vera], owned[gleb]).Should().Be((57, 57, 56));
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == null))).Should().Be(0);
        (await _app.Api.WaitForMessagesAsync(Boris, 2))[^1].Text.Should().Contain("47 клиентов");
        (await _app.Api.WaitForMessagesAsync(Gleb, 2))[^1].Text.Should().Contain("16 клиентов");
        (await _app.QueryAsync(db => db.Audit.SingleAsync(a => a.Action == "clients.distributed"))).After.Should().Be("Борис +47, Вера +37, Глеб +16");
    }

    [DatabaseFact]
    public async Task A_segment_hands_out_only_its_prospects_balancing_the_loads_within_it()
    {
        var (boris, vera, gleb) = await JoinThreeAsync();
        var retail = await Seed.SegmentAsync(_app, "розница");
        await AddClientsAsync(3, boris, retail);
        await AddClientsAsync(20, gleb);
        await AddClientsAsync(10, null, retail);
        await AddClientsAsync(5, null);

        var preview = await _admin.LastAsync("/distribute #Розница");
        preview.Text.Should().Contain("10 клиентов сегмента #розница");
        await _admin.TapAsync(preview.Button("Раздать"));

        var inRetail = await OwnedAsync(retail);
        (inRetail[boris], inRetail[vera], inRetail[gleb]).Should().Be((5, 4, 4));
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == null && c.SegmentId == null))).Should().Be(5);
    }

    [DatabaseFact]
    public async Task A_preview_gone_stale_is_shown_again_instead_of_committed()
    {
        var (boris, _, _) = await JoinThreeAsync();
        await AddClientsAsync(6, null);
        var preview = await _admin.LastAsync("/distribute");
        await AddClientsAsync(3, null);

        (await _admin.TapAsync(preview.Button("Раздать")))[^1].Text.Should().Contain("список изменился").And.Contain("9 клиентов");
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == null))).Should().Be(9);
        (await OwnedAsync()).Should().NotContainKey(boris);
    }

    [DatabaseFact]
    public async Task Nobody_to_give_to_or_nothing_to_give_is_said_plainly()
    {
        await AddClientsAsync(2, null);
        (await _admin.LastAsync("/distribute")).Text.Should().Contain("нет активных менеджеров");

        await JoinThreeAsync();
        await Seed.SegmentAsync(_app, "опт");
        (await _admin.LastAsync("/distribute #опт")).Text.Should().Contain("Нераспределённых клиентов сегмента #опт нет");
        var ask = await _admin.LastAsync("/distribute #оптт");
        ask.Text.Should().Contain("Сегмента «оптт» нет");
        ask.Labels.Should().Contain("#опт");
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == null))).Should().Be(2);
    }
}

public sealed class DistributeTestsOnSqlite() : DistributeTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DistributeTestsOnPostgres() : DistributeTests(TestDatabase.Postgres());
