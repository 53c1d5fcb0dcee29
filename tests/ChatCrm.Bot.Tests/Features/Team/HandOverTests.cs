using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Team;

public abstract class HandOverTests(TestDatabase database) : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private const long Boris = 3001;
    private const long Vera = 3002;
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

    /// <summary>Борис works two clients: two open deals, a won one, two planned contacts and a done one.</summary>
    private async Task<(long Boris, long Vera, long Romashka, long WonDeal)> BorisAtWorkAsync()
    {
        await Chat.JoinAsync(_app, Boris, "manager", name: "Борис");
        await Chat.JoinAsync(_app, Vera, "manager", name: "Вера");
        var (boris, vera) = (await _app.UserIdAsync(Boris), await _app.UserIdAsync(Vera));
        var romashka = await Seed.ClientAsync(_app, "Ромашка", boris);
        var lutik = await Seed.ClientAsync(_app, "Лютик", boris);
        await Seed.DealAsync(_app, romashka, boris, "Предложение", 100_000m);
        await Seed.DealAsync(_app, lutik, boris, "Переговоры", 50_000m);
        var won = await Seed.DealAsync(_app, lutik, boris, "Договор", 70_000m);
        await _app.WriteAsync(async db =>
        {
            var call = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            var clients = await db.Clients.ToListAsync();
            var now = DateTime.UtcNow;
            db.Touches.Add(Touch.Plan(clients.Single(c => c.Id == romashka), call, boris, now.AddDays(1), "перезвонить", now));
            db.Touches.Add(Touch.Plan(clients.Single(c => c.Id == lutik), call, boris, now.AddDays(2), null, now));
            db.Touches.Add(Touch.LogDone(clients.Single(c => c.Id == lutik), call, boris, now.AddHours(-1), "обсудили", now));
            var deal = await db.Deals.SingleAsync(d => d.Id == won);
            db.StageChanges.Add(deal.Win(null, now, boris));
            return 0;
        });
        return (boris, vera, romashka, won);
    }

    [DatabaseFact]
    public async Task Deactivate_asks_who_takes_over_and_hands_over_clients_open_deals_and_planned_contacts()
    {
        var (boris, vera, _, won) = await BorisAtWorkAsync();

        var ask = await _admin.LastAsync("/deactivate Борис");
        ask.Text.Should().Contain("2 клиента, 2 сделки в работе, 2 запланированных контакта").And.Contain("Кому");
        (await _admin.TapAsync($"deact:{boris}:to:{vera}"))[^1].Text.Should().Contain("Отключить <b>Борис</b> и передать <b>Вера</b>");
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == boris))).IsActive.Should().BeTrue("nothing happens before the confirmation");

        (await _admin.TapAsync($"deact:{boris}:y:{vera}"))[^1].Text.Should().Contain("отключён");

        var clients = await _app.QueryAsync(db => db.Clients.ToListAsync());
        clients.Should().OnlyContain(c => c.OwnerUserId == vera);
        var deals = await _app.QueryAsync(db => db.Deals.ToListAsync());
        deals.Where(d => d.IsOpen).Should().HaveCount(2).And.OnlyContain(d => d.OwnerUserId == vera);
        deals.Single(d => d.Id == won).OwnerUserId.Should().Be(boris, "a won deal stays with who won it");
        var touches = await _app.QueryAsync(db => db.Touches.ToListAsync());
        touches.Where(a => a.Status == TouchStatus.Planned).Should().HaveCount(2).And.OnlyContain(a => a.UserId == vera);
        touches.Single(a => a.Status == TouchStatus.Done).UserId.Should().Be(boris);
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == boris))).IsActive.Should().BeFalse();
        (await _app.Api.WaitForMessagesAsync(Vera, 2))[^1].Text.Should().Contain("Вам переданы дела <b>Борис</b>");
        (await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync())).Should().Contain(["user.handover", "user.deactivated"]);
    }

    [DatabaseFact]
    public async Task Deactivate_to_a_named_colleague_goes_straight_to_the_confirmation()
    {
        var (boris, vera, _, _) = await BorisAtWorkAsync();

        var confirm = await _admin.LastAsync("/deactivate Борис в Вера");

        confirm.CallbackData.Should().Contain($"deact:{boris}:y:{vera}");
        (await _admin.LastAsync("/deactivate Борис to Никто")).Text.Should().Contain("«Никто»");
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == boris))).Should().Be(2);
    }

    [DatabaseFact]
    public async Task Assign_moves_a_client_with_its_open_deal_and_plans_and_tells_the_new_owner()
    {
        var (boris, vera, romashka, _) = await BorisAtWorkAsync();

        (await _admin.LastAsync("/assign Ромашка Вера")).Text.Should().Contain("<b>Ромашка</b> → <b>Вера</b>").And.Contain("1 сделка");

        (await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == romashka))).OwnerUserId.Should().Be(vera);
        (await _app.QueryAsync(db => db.Deals.SingleAsync(d => d.ClientId == romashka))).OwnerUserId.Should().Be(vera);
        (await _app.QueryAsync(db => db.Touches.SingleAsync(a => a.ClientId == romashka))).UserId.Should().Be(vera);
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.OwnerUserId == boris))).Should().Be(1);
        (await _app.Api.WaitForMessagesAsync(Vera, 2))[^1].Text.Should().Contain("Ромашка");
        (await _app.QueryAsync(db => db.Audit.SingleAsync(a => a.Action == "client.assigned"))).Should()
            .Match<Core.Domain.Audit.AuditEntry>(a => a.Before == "Борис" && a.After == "Вера");

        var ask = await _admin.LastAsync("/assign Лютик Вер0ника");
        ask.Text.Should().Contain("Вер0ника");
        (await _admin.TapAsync($"pick:#u{vera}"))[^1].Text.Should().Contain("<b>Лютик</b> → <b>Вера</b>");
    }
}

public sealed class HandOverTestsOnSqlite() : HandOverTests(TestDatabase.Sqlite());

[Postgres]
public sealed class HandOverTestsOnPostgres() : HandOverTests(TestDatabase.Postgres());
