using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Features.Norms;

/// <summary>
/// A hand-computed week, Monday 7 to Friday 11 December 2026; now is Friday 18:00 in Moscow. Touches are at 13:00 local.
/// <para>Norms, set by the head in chat: the company's calls 20 a day, e-mails 5 a day, meetings 3 a week; the sales
/// department (Алиса and Борис, who have no department set) calls 10 a day; Алиса's own e-mails 2 a day; Вера of
/// logistics her own meetings 1 a week.</para>
/// <para>Алиса: calls Mon 2, Wed 2, Fri 3 (7); e-mails Tue 4, Fri 2 (6); a meeting Thu. Борис: 3 e-mails every day
/// (15), no call — under the old summed norm his e-mails "met" the call norm. Вера: one call Fri.</para>
/// </summary>
public abstract class NormsPerPersonTests(TestDatabase database) : IAsyncLifetime
{
    private const long Head = 2001;
    private const long Anna = 3001;
    private const long Boris = 3002;
    private const long Vera = 3003;
    private static readonly DateTime Now = new(2026, 12, 11, 15, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));
    private ChatCrmApp _app = null!;
    private Chat _head = null!;
    private Chat _anna = null!;
    private Chat _boris = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);
        _head = await Chat.JoinAsync(_app, Head, "head", name: "Елена");
        _anna = await Chat.JoinAsync(_app, Anna, "manager", name: "Алиса");
        _boris = await Chat.JoinAsync(_app, Boris, "manager", name: "Борис");
        await Chat.JoinAsync(_app, Vera, "manager", name: "Вера");
        var (anna, boris, vera) = (await _app.UserIdAsync(Anna), await _app.UserIdAsync(Boris), await _app.UserIdAsync(Vera));
        await _app.WriteAsync(async db =>
        {
            // The sales department (seeded or not, whatever its seeded name) is called «Продажи» here.
            if (await db.Departments.FirstOrDefaultAsync(d => d.IsSales) is { } sales)
            {
                sales.Rename("Продажи");
            }
            else
            {
                db.Departments.Add(Department.Create("Продажи", isSales: true));
            }

            var logistics = Department.Create("Логистика");
            db.Departments.Add(logistics);
            await db.SaveChangesAsync();
            (await db.Users.SingleAsync(u => u.Id == vera)).JoinDepartment(logistics.Id);
            var types = await db.WorkTypes.ToDictionaryAsync(w => w.Code);
            var client = Client.Create("Ромашка", anna, Now.AddMonths(-1), anna);
            db.Clients.Add(client);
            await db.SaveChangesAsync();
            void Log(long user, string type, int day, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var at = Monday.AddDays(day).ToDateTime(new TimeOnly(10, i), DateTimeKind.Utc);
                    db.Touches.Add(Touch.LogDone(client, types[type], user, at, null, Now));
                }
            }

            Log(anna, "call", 0, 2);
            Log(anna, "call", 2, 2);
            Log(anna, "call", 4, 3);
            Log(anna, "email", 1, 4);
            Log(anna, "email", 4, 2);
            Log(anna, "meeting", 3, 1);
            for (var day = 0; day < 5; day++)
            {
                Log(boris, "email", day, 3);
            }

            Log(vera, "call", 4, 1);
            return 0;
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private async Task SetNormsAsync()
    {
        (await _head.LastAsync("/norm call 20 day")).Text.Should().Contain("20 в день");
        (await _head.LastAsync("/norm письмо 5 day")).Text.Should().Contain("5 в день");
        (await _head.LastAsync("/norm встреча 3 week")).Text.Should().Contain("3 в неделю");
        (await _head.LastAsync("/norm call 10 day Продажи")).Plain.Should().Contain("Норма для <b>Продажи</b>: <b>Звонок</b> — 10 в день");
        (await _head.LastAsync("/norm email 2 day Алиса")).Plain.Should().Contain("Норма для <b>Алиса</b>: <b>Письмо</b> — 2 в день");
        (await Chat.Admin(_app).LastAsync("/norm meeting 1 week Вера")).Plain.Should().Contain("Норма для <b>Вера</b>: <b>Встреча</b> — 1 в неделю");
    }

    private Task<ReportResult> ManagersReportAsync() =>
        _app.QueryAsync(db => new ManagersReport().BuildAsync(db,
            new ReportRequest(ReportPeriod.WeekOf(Monday), TimeZones.Find("Europe/Moscow")!, Now, null, null, null), Texts.Russian, CancellationToken.None));

    [DatabaseFact]
    public async Task Each_work_type_is_compared_with_its_own_norm_of_the_person_department_or_company()
    {
        await SetNormsAsync();

        var team = (await _head.LastAsync("/team")).Plain;
        Block(team, "Алиса").Should().Contain("📏 сегодня: 📞 Звонок 3/10 · ✉️ Письмо 2/2 ✅").And.Contain("📅 за неделю: 🤝 Встреча 1/3");
        Block(team, "Борис").Should().Contain("📏 сегодня: 📞 Звонок 0/10 · ✉️ Письмо 3/5", "e-mails never count toward calls")
            .And.Contain("📅 за неделю: 🤝 Встреча 0/3");
        team.Should().NotContain("Вера", "a head's /team is their own department, and Вера is in logistics");
        var everyone = (await Chat.Admin(_app).LastAsync("/team")).Plain;
        Block(everyone, "Вера").Should().Contain("📏 сегодня: 📞 Звонок 1/20 · ✉️ Письмо 0/5").And.Contain("📅 за неделю: 🤝 Встреча 0/1");
        team.Should().Contain("Нормы: Звонок 20/день · Письмо 5/день · Встреча 3/нед");

        // December so far has 9 working days (1–4 and 7–11): calls 10 × 9, meetings round(3 × 9 / 5), e-mails 2 × 9 or 5 × 9.
        var anna = (await _anna.LastAsync("/me")).Text;
        anna.Should().Contain("• Звонок: 7 из 90 по норме\n• Встреча: 1 из 5 по норме\n• Письмо: 6 из 18 по норме");
        (await _boris.LastAsync("/me")).Text.Should().Contain("• Звонок: 0 из 90 по норме\n• Встреча: 0 из 5 по норме\n• Письмо: 15 из 45 по норме");

        // The week: calls 10 × 5 (Вера 20 × 5), meetings 3 (Вера 1), e-mails 2 × 5 or 5 × 5; the share met counts each type
        // only up to its own norm: Алиса (7 + 1 + 6) / 63, Борис 15 / 78, Вера 1 / 126.
        var report = await ManagersReportAsync();
        report.Tables[0].Rows.Select(r => (r[0], r[2], r[3])).Should().Equal(
            ("Алиса", (object?)14, (object?)22.2m), ("Борис", 15, 19.2m), ("Вера", 1, 0.8m));
        report.Tables[1].Rows.Select(r => ((string)r[0]!, (string)r[1]!, (int)r[2]!, (int)r[3]!, (decimal?)r[4])).Should().Equal(
            ("Алиса", "Звонок", 7, 50, 14m), ("Алиса", "Встреча", 1, 3, 33.3m), ("Алиса", "Письмо", 6, 10, 60m),
            ("Борис", "Звонок", 0, 50, 0m), ("Борис", "Встреча", 0, 3, 0m), ("Борис", "Письмо", 15, 25, 60m),
            ("Вера", "Звонок", 1, 100, 1m), ("Вера", "Встреча", 0, 1, 0m), ("Вера", "Письмо", 0, 25, 0m));

        var list = (await _head.LastAsync("/norm")).Plain;
        list.Should().Contain("• Звонок 20/день").And.Contain("🏢 <b>Отдел Продажи</b>: Звонок 10/день")
            .And.Contain("👤 <b>Алиса</b>, своя норма: Письмо 2/день").And.Contain("👤 <b>Вера</b>, своя норма: Встреча 1/нед");
        list.Should().Contain("Как задать").And.NotContain("Не понял", "a bare /norm asked for the list, nothing was misread");
        (await _app.QueryAsync(db => db.Audit.Where(a => a.Action == "norm.set").Select(a => a.Subject).ToListAsync()))
            .Should().Contain(["call/day", "call/day dept Продажи", "email/day user Алиса", "meeting/week user Вера"]);
    }

    [DatabaseFact]
    public async Task Removing_an_override_falls_back_to_the_wider_norm()
    {
        await SetNormsAsync();

        (await _head.LastAsync("/norm call 0 day Продажи")).Plain.Should().Contain("снята: действует норма отдела или компании");
        (await _head.LastAsync("/norm email off day Алиса")).Plain.Should().Contain("снята");

        var team = (await _head.LastAsync("/team")).Plain;
        Block(team, "Алиса").Should().Contain("📏 сегодня: 📞 Звонок 3/20 · ✉️ Письмо 2/5");
        Block(team, "Борис").Should().Contain("📞 Звонок 0/20");
        (await _app.QueryAsync(db => db.Norms.CountAsync())).Should().Be(4, "the company's three and Вера's own remain");
        (await _app.QueryAsync(db => db.Audit.Where(a => a.Action == "norm.removed").Select(a => a.Subject).ToListAsync()))
            .Should().BeEquivalentTo("call/day dept Продажи", "email/day user Алиса");
    }

    [DatabaseFact]
    public async Task Bad_norms_get_a_clear_reply_and_change_nothing()
    {
        (await _head.LastAsync("/norm звонки 5 day Алиса")).CallbackData.Should().Contain("pick:call");
        var nobody = await _head.LastAsync("/norm call 5 day Никто");
        nobody.Text.Should().Contain("Не нашёл сотрудника или отдел «Никто»");
        nobody.Buttons.Select(b => b.Label).Should().Contain(["🏢 Логистика", "👤 Алиса"]);
        (await _head.LastAsync("/norm call -3 day")).Text.Should().Contain("от 1 до 1000");
        (await _head.LastAsync("/norm call 1001 day Алиса")).Text.Should().Contain("от 1 до 1000");
        (await _head.LastAsync("/norm call 0 day Алиса")).Text.Should().Contain("не было — ничего не изменилось");
        (await _head.LastAsync("/norm call сколько-то day")).Text.Should().Contain("/norm");
        (await _boris.LastAsync("/norm call 5 day")).Text.Should().NotContain("Норма");
        (await _app.QueryAsync(db => db.Norms.AnyAsync())).Should().BeFalse();

        // A missing period is asked with buttons, and the pick finishes the command with the person kept.
        var ask = await _head.LastAsync("/norm call 7 Алиса");
        ask.Text.Should().Contain("7 в день или в неделю?");
        (await _head.TapAsync("pick:week")).Select(x => x.Plain).Should().Contain(x => x.Contains("Норма для <b>Алиса</b>: <b>Звонок</b> — 7 в неделю"));
        var norm = await _app.QueryAsync(db => db.Norms.SingleAsync());
        (norm.Count, norm.Period, norm.UserId).Should().Be((7, NormPeriod.Week, await _app.UserIdAsync(Anna)));

        // An unknown department picked from the buttons (logistics' norms are an admin's or logistics' head's to set).
        var admin = Chat.Admin(_app);
        var pick = (await admin.LastAsync("/norm call 4 day Логист")).Buttons.Single(b => b.Label == "🏢 Логистика").Data;
        (await admin.TapAsync(pick)).Select(x => x.Plain).Should().Contain(x => x.Contains("Норма для <b>Логистика</b>: <b>Звонок</b> — 4 в день"));
    }

    [DatabaseFact]
    public async Task A_head_sets_the_norms_of_their_own_department_only()
    {
        var refused = (await _head.LastAsync("/norm call 4 day Логистика")).Plain;
        refused.Should().Contain("Норму для <b>Логистика</b> задаёт руководитель их отдела или администратор").And.Contain("Ничего не изменено");
        (await _head.LastAsync("/norm call 4 day Вера")).Plain.Should().Contain("Норму для <b>Вера</b> задаёт руководитель их отдела");
        (await _app.QueryAsync(db => db.Norms.AnyAsync())).Should().BeFalse();

        // The head of logistics: their department and its people, not the company's norms nor a salesperson's.
        var olga = await Chat.JoinAsync(_app, 2002, "head", name: "Ольга");
        await _app.WriteAsync(async db =>
        {
            var logistics = await db.Departments.SingleAsync(d => d.Name == "Логистика");
            (await db.Users.SingleAsync(u => u.TelegramId == 2002)).JoinDepartment(logistics.Id);
            return 0;
        });
        (await olga.LastAsync("/norm call 20 day")).Plain.Should().Contain("Общие нормы компании задаёт руководитель продаж или администратор");
        (await olga.LastAsync("/norm call 20 day Алиса")).Plain.Should().Contain("Норму для <b>Алиса</b> задаёт");
        (await olga.LastAsync("/norm call 4 day Логистика")).Plain.Should().Contain("Норма для <b>Логистика</b>: <b>Звонок</b> — 4 в день");
        (await olga.LastAsync("/norm call 6 day Вера")).Plain.Should().Contain("Норма для <b>Вера</b>: <b>Звонок</b> — 6 в день");
        (await _app.QueryAsync(db => db.Norms.CountAsync())).Should().Be(2);
        (await olga.LastAsync("/norm call 20 day", "en")).Text.Should().Contain("The company's norms are set by a head of sales or an admin");
    }

    [DatabaseFact]
    public async Task In_english_the_norms_and_the_team_read_per_work_type()
    {
        (await _head.LastAsync("/norm call 20 day", "en")).Text.Should().Contain("20 a day");
        (await _head.LastAsync("/norm email 2 day Anna", "en")).Text.Should().Contain("No colleague or department “Anna”");
        (await _head.LastAsync("/norm email 2 day Алиса", "en")).Plain.Should().Contain("Norm for <b>Алиса</b>: <b>E-mail</b> — 2 a day");

        var team = (await _head.LastAsync("/team", "en")).Plain;
        Block(team, "Борис").Should().EndWith("📏 today: 📞 Call 0/20", "his e-mails have no norm of their own and never count as calls");
        Block(team, "Алиса").Should().Contain("📏 today: 📞 Call 3/20 · ✉️ E-mail 2/2 ✅");
        (await _anna.LastAsync("/me", "en")).Text.Should().Contain("E-mail: 6 of 18 by the norm");
        (await _head.LastAsync("/help norm", "en")).Text.Should().Contain("overrides");
    }

    [DatabaseFact]
    public async Task A_team_of_fifty_with_norms_of_every_type_fits_telegram_messages()
    {
        await _app.WriteAsync(async db =>
        {
            for (var i = 1; i <= 50; i++)
            {
                db.Users.Add(ChatCrm.Core.Domain.Users.User.Create(5000 + i, $"Менеджер с длинным именем {i:00}", ChatCrm.Core.Domain.Users.Role.Manager, "Europe/Moscow", Now));
            }

            foreach (var type in await db.WorkTypes.ToListAsync())
            {
                db.Norms.Add(TouchNorm.Create(type.Id, 10, NormPeriod.Day));
                db.Norms.Add(TouchNorm.Create(type.Id, 30, NormPeriod.Week));
            }

            return 0;
        });

        var pages = await _head.SayAsync("/team");

        pages.Count.Should().BeGreaterThan(1);
        pages.Should().OnlyContain(p => p.Text.Length <= Reply.MaxLength && !p.Text.EndsWith("…", StringComparison.Ordinal));
        var all = string.Join("\n\n", pages.Select(p => p.Plain));
        Enumerable.Range(1, 50).Should().OnlyContain(i => all.Contains($"<b>Менеджер с длинным именем {i:00}</b>", StringComparison.Ordinal));
        Block(all, "Менеджер с длинным именем 50").Should().Contain("📏 сегодня: 📞 Звонок 0/10 · 🤝 Встреча 0/10 · 🖥 Демо 0/10 · ✉️ Письмо 0/10");
        pages[^1].Buttons.Should().NotBeEmpty("the plans buttons come under the last page");
    }

    /// <summary>One manager's block of /team: from their name to the next blank line.</summary>
    private static string Block(string team, string name)
    {
        var start = team.IndexOf($"<b>{name}</b>", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"{name} is in /team");
        var end = team.IndexOf("\n\n", start, StringComparison.Ordinal);
        return end < 0 ? team[start..] : team[start..end];
    }
}

public sealed class NormsPerPersonTestsOnSqlite() : NormsPerPersonTests(TestDatabase.Sqlite());

[Postgres]
public sealed class NormsPerPersonTestsOnPostgres() : NormsPerPersonTests(TestDatabase.Postgres());
