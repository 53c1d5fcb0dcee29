using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Me;

public abstract class MyMonthTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private const long Petr = 2002;

    // Wednesday 25 November 2026, 12:00 in Moscow: 18 working days of November so far (the 1st is a Sunday).
    private static readonly DateTime Now = new(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        await Chat.JoinAsync(_app, Petr, "manager", "Пётр");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    /// <summary>
    /// Ivan's November: 3 calls (and one in October), a norm of 5 calls a day; open deals of 100 000 ₽ at 10 % and
    /// 200 000 ₽ at 50 %; one deal of 300 000 ₽ won this month (and one in October); 120 000 ₽ paid this month;
    /// a target of 1 000 000 ₽. Petr's deal and payment must not count.
    /// </summary>
    private async Task SeedAsync(bool withTarget)
    {
        var ivan = await _app.UserIdAsync(Ivan);
        var petr = await _app.UserIdAsync(Petr);
        await _app.QueryAsync(async db =>
        {
            var client = Client.Create("Ромашка", ivan, Now.AddMonths(-2), ivan);
            var petrs = Client.Create("Лютик", petr, Now.AddMonths(-2), petr);
            db.Clients.AddRange(client, petrs);
            await db.SaveChangesAsync();
            var call = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            db.Norms.Add(TouchNorm.Create(call.Id, 5, NormPeriod.Day));
            foreach (var daysAgo in new[] { 1, 3, 20 })
            {
                db.Touches.Add(Touch.LogDone(client, call, ivan, Now.AddDays(-daysAgo), null, Now));
            }

            db.Touches.Add(Touch.LogDone(client, call, ivan, new DateTime(2026, 10, 30, 10, 0, 0, DateTimeKind.Utc), null, Now));
            var cycle = await db.Cycles.SingleAsync(c => c.IsDefault);
            var stages = await db.Stages.Where(s => s.CycleId == cycle.Id).OrderBy(s => s.Position).ToListAsync();
            Deal Open(Client c, long owner, decimal amount, int stage)
            {
                var (deal, opened) = Deal.Open(c, cycle, stages[stage], amount, "RUB", null, owner, Now.AddMonths(-1), owner);
                db.Deals.Add(deal);
                db.StageChanges.Add(opened);
                return deal;
            }

            Open(client, ivan, 100_000m, 0); // 10 %
            Open(client, ivan, 200_000m, 2); // 50 %
            var wonNow = Open(client, ivan, 250_000m, 4);
            var wonBefore = Open(client, ivan, 50_000m, 4);
            var petrsDeal = Open(petrs, petr, 700_000m, 4);
            await db.SaveChangesAsync();
            db.StageChanges.Add(wonNow.Win(300_000m, Now.AddDays(-2), ivan));
            db.StageChanges.Add(wonBefore.Win(null, new DateTime(2026, 10, 20, 10, 0, 0, DateTimeKind.Utc), ivan));
            db.StageChanges.Add(petrsDeal.Win(null, Now.AddDays(-1), petr));
            db.Obligations.Add(Obligation.RecordPayment(wonNow, 120_000m, Now.AddDays(-1), ivan, Now));
            db.Obligations.Add(Obligation.RecordPayment(wonBefore, 50_000m, new DateTime(2026, 10, 25, 10, 0, 0, DateTimeKind.Utc), ivan, Now));
            db.Obligations.Add(Obligation.RecordPayment(petrsDeal, 700_000m, Now.AddDays(-1), petr, Now));
            if (withTarget)
            {
                db.Targets.Add(Target.Create(ivan, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), 1_000_000m));
                db.Targets.Add(Target.Create(ivan, new DateTime(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc), 10m));
            }

            return await db.SaveChangesAsync();
        });
    }

    [DatabaseFact]
    public async Task Me_shows_the_month_against_the_norms_and_the_target()
    {
        await SeedAsync(withTarget: true);

        var text = (await _ivan.LastAsync("/me")).Text;

        text.Should().Be(string.Join('\n',
            "📊 <b>Иван</b>, ноябрь 2026",
            "• Звонок: 3 из 90 по норме",
            "",
            "💼 Открытых сделок: 2 на 300 000 ₽, взвешенно 110 000 ₽",
            "🏆 Выиграно: 1 сделка на 300 000 ₽ — 30 % плана 1 000 000 ₽",
            "💰 Оплачено: 120 000 ₽ — 12 % плана"));
    }

    [DatabaseFact]
    public async Task Without_a_target_or_any_work_me_says_so_in_english_too()
    {
        (await _ivan.LastAsync("/me", "en")).Text.Should()
            .Contain("No touches logged this month yet")
            .And.Contain("Open deals: 0")
            .And.Contain("Won: 0 deals")
            .And.Contain("No target for this month");
    }

    [DatabaseFact]
    public async Task Me_in_english_reads_the_same_figures()
    {
        await SeedAsync(withTarget: true);

        (await _ivan.LastAsync("/me", "en")).Text.Should()
            .Contain("Call: 3 of 90 by the norm")
            .And.Contain("Open deals: 2 worth 300,000 ₽, weighted 110,000 ₽")
            .And.Contain("Won: 1 deal worth 300,000 ₽ — 30% of the 1,000,000 ₽ target")
            .And.Contain("Paid: 120,000 ₽ — 12% of the target");
    }
}

public sealed class MyMonthTestsOnSqlite() : MyMonthTests(TestDatabase.Sqlite());

[Postgres]
public sealed class MyMonthTestsOnPostgres() : MyMonthTests(TestDatabase.Postgres());
