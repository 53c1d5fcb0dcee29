using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Departments;

public abstract class DepartmentTests(TestDatabase database) : IAsyncLifetime
{
    private const long Petr = 5001;
    private const long Boris = 3001;
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

    private Task<long?> DepartmentOfAsync(long telegramId) =>
        _app.QueryAsync(db => db.Users.Where(u => u.TelegramId == telegramId).Select(u => u.DepartmentId).SingleAsync());

    private Task<long> DepartmentIdAsync(string name) =>
        _app.QueryAsync(db => db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync());

    [DatabaseFact]
    public async Task The_sales_department_is_always_there_even_after_an_upgrade()
    {
        (await _app.QueryAsync(db => db.Departments.Where(d => d.IsSales).Select(d => d.Name).ToListAsync())).Should().Equal("Отдел продаж");

        // A database from before departments: no sales department until the next start puts it back.
        await _app.WriteAsync(db => db.Departments.Where(d => d.IsSales).ExecuteDeleteAsync());
        _app = await _app.RestartAsync();

        (await _app.QueryAsync(db => db.Departments.CountAsync(d => d.IsSales))).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_head_adds_and_renames_a_department_and_gives_it_a_stage_which_the_lists_show()
    {
        (await _admin.LastAsync("/dept add Логистика")).Text.Should().Contain("Отдел <b>Логистика</b> создан");
        (await _admin.LastAsync("/dept add  логистика ")).Text.Should().Contain("уже есть");
        (await _admin.LastAsync("/dept rename Логистика Отдел продаж")).Text.Should().Contain("уже есть");
        (await _app.QueryAsync(db => db.Departments.CountAsync())).Should().Be(2, "a duplicate name changes nothing");

        (await _admin.LastAsync("/dept rename Логистика Склад и доставка")).Text.Should().Contain("теперь называется <b>Склад и доставка</b>");
        (await _admin.LastAsync("/stage set Договор owner Склад и доставка")).Text.Should().Contain("Этап <b>Договор</b>: ответственный — <b>Склад и доставка</b>");

        (await _admin.LastAsync("/stages")).Text.Should().Contain("ответственный: Склад и доставка");
        var (list, buttons) = await _admin.LastAsync("/dept");
        list.Should().Contain("<b>Склад и доставка</b> — 0 сотрудников; этапы: Договор").And.Contain("<b>Отдел продаж</b> (продажи)");
        buttons.Should().Contain("dept:a");

        (await _admin.LastAsync("/stage set Договор owner none")).Text.Should().Contain("снова ведут менеджеры");
        (await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Name == "Договор"))).OwnerDepartmentId.Should().BeNull();

        (await _admin.LastAsync("/audit")).Text.Should().Contain("dept.added").And.Contain("dept.renamed").And.Contain("stage.owner");
        (await _admin.LastAsync("/undo")).Text.Should().Contain("«ответственный за этап: Договор (Склад и доставка → -)»");
    }

    [DatabaseFact]
    public async Task A_staff_invite_brings_a_person_into_the_department_and_plus_and_minus_move_people()
    {
        await _admin.LastAsync("/dept add Логистика");
        var logistics = await DepartmentIdAsync("Логистика");
        var petr = await Chat.JoinAsync(_app, Petr, "staff Логистика", "Пётр");
        (await DepartmentOfAsync(Petr)).Should().Be(logistics);
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == Petr))).Role.Should().Be(Core.Domain.Users.Role.Manager);

        (await _admin.LastAsync("/dept Логистика - Пётр")).Text.Should().Contain("теперь в <b>Отдел продаж</b>");
        (await DepartmentOfAsync(Petr)).Should().BeNull("sales is stored as no department");
        (await _admin.LastAsync("/dept Логистика - Пётр")).Text.Should().Contain("не в отделе");
        (await _admin.LastAsync("/dept Логистика + Пётр")).Text.Should().Contain("<b>Пётр</b> теперь в отделе <b>Логистика</b>");
        (await DepartmentOfAsync(Petr)).Should().Be(logistics);

        var card = (await _admin.LastAsync("/dept Логистика")).Text;
        card.Should().Contain("Сотрудники (1): Пётр");

        // A manager who owns clients stays in sales: outside it they would lose sight of them.
        await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        await Seed.ClientAsync(_app, "Ромашка", await _app.UserIdAsync(Boris));
        (await _admin.LastAsync("/dept Логистика + Борис")).Text.Should().Contain("Сначала передайте клиентов");
        (await DepartmentOfAsync(Boris)).Should().BeNull();

        // Unknown people and departments: a clear answer, nothing changes.
        (await _admin.LastAsync("/dept Логистика + Никодим")).Text.Should().Contain("Не нашёл пользователя «Никодим»");
        (await _admin.LastAsync("/dept Бухгалтерия + Пётр")).Text.Should().Contain("Не нашёл отдел «Бухгалтерия»");
        (await _admin.LastAsync("/invite staff Бухгалтерия")).Text.Should().Contain("Не нашёл отдел");
        (await DepartmentOfAsync(Petr)).Should().Be(logistics);

        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "dept.member"))).Should().Be(2);
        var whoSees = (await petr.LastAsync("/dept")).Text;
        whoSees.Should().Contain("руководитель", "staff are managers by role, and /dept is for heads");
    }

    [DatabaseFact]
    public async Task Removing_a_department_with_people_and_stages_asks_where_the_work_goes_and_orphans_nothing()
    {
        await _admin.LastAsync("/dept add Логистика");
        await _admin.LastAsync("/dept add Юристы");
        await Chat.JoinAsync(_app, Petr, "staff Логистика", "Пётр");
        await _admin.LastAsync("/stage set Договор owner Логистика");

        (await _admin.LastAsync("/dept remove Отдел продаж")).Text.Should().Contain("удалить нельзя");
        (await _admin.LastAsync("/dept remove Бухгалтерия")).Text.Should().Contain("Не нашёл отдел");

        var (question, buttons) = await _admin.LastAsync("/dept remove Логистика");
        question.Should().Contain("1 сотрудник").And.Contain("этапы Договор вернутся менеджерам");
        (await _app.QueryAsync(db => db.Departments.CountAsync(d => d.Name == "Логистика" && !d.IsRetired))).Should().Be(1, "nothing happens before the answer");

        var lawyers = await DepartmentIdAsync("Юристы");
        var toLawyers = buttons.Split('\n').Single(b => b.Contains("→ Юристы", StringComparison.Ordinal)).Split('=')[1];
        buttons.Should().Contain("→ Отдел продаж");
        (await _admin.TapAsync(toLawyers))[^1].Text.Should().Contain("удалён").And.Contain("переведён в <b>Юристы</b>");

        (await DepartmentOfAsync(Petr)).Should().Be(lawyers);
        (await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Name == "Договор"))).OwnerDepartmentId.Should().BeNull();
        (await _app.QueryAsync(db => db.Departments.SingleAsync(d => d.Name == "Логистика"))).IsRetired.Should().BeTrue("the invite still names it");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "dept.removed"))).Should().Be(1);

        // People moved back to sales with the department deleted in the same step: nothing else refers to it.
        (await _admin.LastAsync("/dept add Склад")).Text.Should().Contain("создан");
        await _admin.LastAsync("/dept Склад + Пётр");
        var toSales = (await _admin.LastAsync("/dept remove Склад")).Buttons.Single(b => b.Label.Contains("→ Отдел продаж", StringComparison.Ordinal)).Data;
        (await _admin.TapAsync(toSales))[^1].Text.Should().Contain("переведён в <b>Отдел продаж</b>");
        (await DepartmentOfAsync(Petr)).Should().BeNull();
        (await _app.QueryAsync(db => db.Departments.AnyAsync(d => d.Name == "Склад"))).Should().BeFalse();

        // An empty department goes at once.
        (await _admin.LastAsync("/dept add Архив")).Text.Should().Contain("создан");
        (await _admin.LastAsync("/dept remove Архив")).Text.Should().Contain("Отдел <b>Архив</b> удалён");
        (await _app.QueryAsync(db => db.Departments.AnyAsync(d => d.Name == "Архив"))).Should().BeFalse();
    }

    [DatabaseFact]
    public async Task Bad_owner_of_a_stage_gets_buttons_and_changes_nothing()
    {
        await _admin.LastAsync("/dept add Логистика");
        var (text, buttons) = await _admin.LastAsync("/stage set Договор owner Бухгалтерия");
        text.Should().Contain("Не нашёл отдел или сотрудника «Бухгалтерия»");
        buttons.Should().Contain("🏢 Логистика=pick:#d");
        (await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Name == "Договор"))).OwnerDepartmentId.Should().BeNull();

        var pick = buttons.Split('\n').Single(b => b.StartsWith("🏢 Логистика", StringComparison.Ordinal)).Split('=')[1];
        (await _admin.TapAsync(pick))[^1].Text.Should().Contain("ответственный — <b>Логистика</b>");
    }

    [DatabaseFact]
    public async Task A_head_of_another_department_sees_its_people_in_the_team_and_an_admin_sees_everyone()
    {
        await _admin.LastAsync("/dept add Логистика");
        var oleg = await Chat.JoinAsync(_app, 2002, "head", "Олег");
        await Chat.JoinAsync(_app, Petr, "staff Логистика", "Пётр");
        await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        (await _admin.LastAsync("/dept Логистика + Олег")).Text.Should().Contain("теперь в отделе <b>Логистика</b>");

        (await oleg.LastAsync("/team")).Text.Should().Contain("Пётр").And.NotContain("Борис");
        (await _admin.LastAsync("/team")).Text.Should().Contain("Пётр").And.Contain("Борис");
        (await _admin.LastAsync("/users")).Text.Should().Contain("Пётр").And.Contain("отдел: Логистика");
    }

    [DatabaseFact]
    public async Task An_English_head_reads_departments_in_English()
    {
        var head = await Chat.JoinAsync(_app, 2001, "head", "Helen", language: "en");
        (await head.LastAsync("/dept add Logistics")).Text.Should().Contain("Department <b>Logistics</b> added");
        (await head.LastAsync("/dept")).Text.Should().Contain("<b>Departments</b>: 2");
        (await head.LastAsync("/dept remove Отдел продаж")).Text.Should().Contain("is the sales department and cannot be removed");
        (await head.LastAsync("/invite staff Logistics")).Text.Should().Contain("Invite to <b>Logistics</b>");
    }
}

public sealed class DepartmentTestsOnSqlite() : DepartmentTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DepartmentTestsOnPostgres() : DepartmentTests(TestDatabase.Postgres());
