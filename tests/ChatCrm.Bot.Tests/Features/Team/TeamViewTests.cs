using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Team;

public sealed class TeamViewTests : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private const long Head = 2001;
    private const long Boris = 3001;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    // Midday in Moscow: «today» in /team is the head's day, so a touch minutes ago must not fall on yesterday (it did,
    // from 21:00 to 21:05 UTC, with the real clock).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(clock: _clock);
        _admin = Chat.Admin(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Targets_and_norms_are_stored_and_the_team_view_compares_today_against_them()
    {
        var head = await Chat.JoinAsync(_app, Head, "head", name: "Елена");
        await Chat.JoinAsync(_app, Boris, "manager", name: "Борис");
        var boris = await _app.UserIdAsync(Boris);
        var client = await Seed.ClientAsync(_app, "Ромашка", boris);
        var won = await Seed.DealAsync(_app, client, boris, "Договор", 300_000m);
        var now = _clock.GetUtcNow().UtcDateTime;
        await _app.WriteAsync(async db =>
        {
            var call = await db.WorkTypes.SingleAsync(w => w.Code == "call");
            var c = await db.Clients.SingleAsync(x => x.Id == client);
            db.Touches.Add(Touch.LogDone(c, call, boris, now.AddMinutes(-5), null, now));
            db.Touches.Add(Touch.Plan(c, call, boris, now.AddMinutes(-1), "просрочен", now));
            db.StageChanges.Add((await db.Deals.SingleAsync(d => d.Id == won)).Win(null, now, boris));
            return 0;
        });

        (await head.LastAsync("/norm call 20 day")).Text.Should().Contain("20 в день");
        (await head.LastAsync("/norm Встреча 3 неделю")).Text.Should().Contain("3 в неделю");
        (await head.LastAsync("/target Борис 1,5 млн")).Plain.Should().Contain("1 500 000 ₽");
        (await head.LastAsync("/target Борис 2 млн")).Plain.Should().Contain("(было 1 500 000 ₽)");

        var norms = await _app.QueryAsync(db => db.Norms.OrderBy(n => n.Period).ToListAsync());
        norms.Select(n => (n.Count, n.Period)).Should().Equal((20, NormPeriod.Day), (3, NormPeriod.Week));
        var target = await _app.QueryAsync(db => db.Targets.SingleAsync());
        (target.UserId, target.Amount).Should().Be((boris, 2_000_000m));

        var team = (await head.LastAsync("/team")).Plain;
        team.Should().Contain("Нормы: Звонок 20/день · Встреча 3/нед").And.Contain("<b>Борис</b>")
            .And.Contain("✅ 1 из 1 по плану · ⏰ просрочено 1").And.Contain("🏆 выиграно 1")
            .And.Contain("📏 сегодня: 📞 Звонок 1/20")
            .And.Contain("📅 за неделю: 🤝 Встреча 0/3", "the call does not count toward the meeting norm").And.Contain("300 000 ₽ из 2 000 000 ₽ (15%)");
        (await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync())).Should().Contain(["norm.set", "target.set"]);

        var plans = await head.LastAsync("/plans Борис");
        plans.Text.Should().Contain("просрочено 1").And.Contain("Ромашка").And.Contain("просрочен");
    }

    [Fact]
    public async Task Bad_norms_and_targets_are_explained_and_store_nothing()
    {
        await Chat.JoinAsync(_app, Boris, "manager", name: "Борис");

        (await _admin.LastAsync("/norm call много day")).Text.Should().Contain("Не понял").And.Contain("/norm");
        (await _admin.LastAsync("/norm call 5000 day")).Text.Should().Contain("от 1 до 1000");
        var ask = await _admin.LastAsync("/norm звонки 5 day");
        ask.CallbackData.Should().Contain("pick:call");
        (await _admin.LastAsync("/target Борис много рублей")).Text.Should().Contain("/target");
        (await _admin.LastAsync("/target Никто 100к")).Text.Should().Contain("«Никто»");

        (await _app.QueryAsync(db => db.Norms.AnyAsync())).Should().BeFalse();
        (await _app.QueryAsync(db => db.Targets.AnyAsync())).Should().BeFalse();
    }
}
