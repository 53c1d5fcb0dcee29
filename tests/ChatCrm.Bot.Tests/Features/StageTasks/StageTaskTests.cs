using System.Text.Json;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.StageTasks;

/// <summary>
/// A deal's walk through a cycle where «Договор» belongs to the lawyers and «Отгрузка» to logistics: the tasks reach the
/// right people with their buttons, take / done / hand back work, the manager hears of each step, the digest counts who
/// holds what, forged buttons change nothing, and removing a stage or a department leaves no task orphaned.
/// </summary>
public abstract class StageTaskTests(TestDatabase database) : IAsyncLifetime
{
    private const long Boris = 3001;
    private const long Petr = 5001;
    private const long Ivan = 5002;
    private const long Vera = 5003;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;
    private Chat _boris = null!;
    private Chat _petr = null!;
    private Chat _ivan = null!;
    private Chat _vera = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);

        // The walk is about who holds the deal; the default scenario's "skip required steps?" is ScenarioTests' subject.
        await _app.WithoutScenariosAsync();
        _admin = Chat.Admin(_app);
        await _admin.LastAsync("/stage add Отгрузка");
        await _admin.LastAsync("/dept add Юристы");
        await _admin.LastAsync("/dept add Логистика");
        (await _admin.LastAsync("/stage set Договор owner Юристы")).Text.Should().Contain("ответственный — <b>Юристы</b>");
        (await _admin.LastAsync("/stage set Отгрузка owner Логистика")).Text.Should().Contain("ответственный — <b>Логистика</b>");
        _boris = await Chat.JoinAsync(_app, Boris, "manager", "Борис");
        _petr = await Chat.JoinAsync(_app, Petr, "staff Юристы", "Пётр");
        _ivan = await Chat.JoinAsync(_app, Ivan, "staff Юристы", "Иван");
        _vera = await Chat.JoinAsync(_app, Vera, "staff Логистика", "Вера");
        await Seed.ClientAsync(_app, "Ромашка", await _app.UserIdAsync(Boris));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseFact]
    public async Task A_deal_walks_through_the_lawyers_and_logistics_with_the_manager_told_each_step()
    {
        var deal = await _boris.OpenDealAsync("Ромашка 500000 Поставка");
        (await _app.CountAsync<StageTask>()).Should().Be(0, "the first stage is the managers' own");

        // Into «Договор»: both lawyers get the card with three buttons; logistics gets nothing; the manager is told where it went.
        var mark = await MarkAsync();
        var moved = await _boris.SayAsync($"/move {deal} Договор");
        moved.Should().Contain(s => s.Text.Contains("задача у <b>Юристы</b>") && s.Text.Contains("2 человека"));
        var task = await OpenTaskAsync(deal);
        foreach (var lawyer in new[] { _petr, _ivan })
        {
            var card = (await SaidSinceAsync(lawyer, mark)).Should().ContainSingle().Subject;
            card.Text.Should().Contain("Задача для Юристы").And.Contain("#" + deal).And.Contain("Поставка").And.Contain("Ромашка")
                .And.Contain("500 000").And.Contain("Менеджер: Борис").And.Contain("«Отгрузка»");
            card.CallbackData.Should().Equal($"tk:{task.Id}:take", $"tk:{task.Id}:done", $"tk:{task.Id}:back");
            card.Labels.Should().Contain("🛠 Взять в работу").And.Contain("✅ Готово → Отгрузка").And.Contain("↩️ Вернуть с комментарием");
        }

        (await SaidSinceAsync(_vera, mark)).Should().BeEmpty();

        // Пётр takes it: his message is redrawn, Иван's take is refused, Борис hears of it.
        mark = await MarkAsync();
        var taken = (await _petr.TapAsync($"tk:{task.Id}:take"))[^1];
        taken.Text.Should().Contain("В работе у <b>Пётр</b>");
        taken.CallbackData.Should().NotContain($"tk:{task.Id}:take");
        (await SaidSinceAsync(_boris, mark)).Should().ContainSingle(s => s.Text.Contains("<b>Пётр</b> (Юристы) взял(а) в работу"));
        await _ivan.TapUntilAnsweredAsync($"tk:{task.Id}:take");
        (await TaskAsync(task.Id)).TakenByUserId.Should().Be(await _app.UserIdAsync(Petr));

        // Hand back with a comment: the deal returns to «Переговоры», Борис gets the comment and a button to send it again.
        (await _petr.TapAsync($"tk:{task.Id}:back"))[^1].Text.Should().Contain("Напишите комментарий").And.Contain("«Переговоры»");
        mark = await MarkAsync();
        (await _petr.LastAsync("Нет реквизитов покупателя")).Text.Should().Contain("возвращена менеджеру");
        (await TaskAsync(task.Id)).Should().Match<StageTask>(t => t.Status == StageTaskStatus.Returned && t.Comment == "Нет реквизитов покупателя");
        (await StageOfAsync(deal)).Should().Be("Переговоры");
        var back = (await SaidSinceAsync(_boris, mark)).Should().ContainSingle().Subject;
        back.Text.Should().Contain("<b>Пётр</b> вернул(а) сделку").And.Contain("Нет реквизитов покупателя").And.Contain("снова на «Переговоры»");

        // Sent again: a new task; Иван finishes it straight away and the deal goes on to logistics.
        mark = await MarkAsync();
        await _boris.TapAsync(back.Button("Отправить снова"));
        (await StageOfAsync(deal)).Should().Be("Договор");
        var second = await OpenTaskAsync(deal);
        second.Id.Should().NotBe(task.Id);
        (await SaidSinceAsync(_ivan, mark)).Should().ContainSingle(s => s.Has($"tk:{second.Id}:done"));

        mark = await MarkAsync();
        (await _ivan.TapAsync($"tk:{second.Id}:done"))[^1].Text.Should().Contain("Сделка ушла на «Отгрузка»");
        (await StageOfAsync(deal)).Should().Be("Отгрузка");
        (await SaidSinceAsync(_boris, mark)).Should().ContainSingle(s => s.Text.Contains("<b>Иван</b>: «Договор»") && s.Text.Contains("перешла на «Отгрузка»"));
        var shipping = await OpenTaskAsync(deal);
        (await SaidSinceAsync(_vera, mark)).Should().ContainSingle(s => s.Text.Contains("Задача для Логистика") && s.Has($"tk:{shipping.Id}:take"));
        (await SaidSinceAsync(_petr, mark)).Should().BeEmpty();

        // /tasks: Вера's with buttons; the head's grouped by who holds them; the digest counts the holders.
        var (mine, buttons) = await _vera.LastAsync("/tasks");
        mine.Should().Contain("Ваши задачи</b>: 1").And.Contain($"#{deal} Ромашка «Поставка» — «Отгрузка», 0 дней · ждёт");
        buttons.Should().Contain($"tk:{shipping.Id}:take").And.Contain($"tk:{shipping.Id}:done");
        (await _petr.LastAsync("/tasks")).Text.Should().Contain("Открытых задач нет");
        (await _admin.LastAsync("/tasks")).Text.Should().Contain("<b>Логистика</b> — 1 (ждут 1)").And.Contain($"#{deal}");
        (await _boris.LastAsync("/tasks")).Text.Should().Contain("Ваши сделки у других</b>: 1").And.Contain("<b>Логистика</b>");
        (await _admin.SayAsync("/digest")).Should().Contain(s => s.Text.Contains("Кто держит сделки") && s.Text.Contains("• Логистика — 1"));

        // The last stage: done finishes the task and asks the manager to close the deal.
        mark = await MarkAsync();
        await _vera.TapAsync($"tk:{shipping.Id}:done");
        (await StageOfAsync(deal)).Should().Be("Отгрузка");
        (await _app.QueryAsync(db => db.StageTasks.CountAsync(t => t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork))).Should().Be(0);
        var close = (await SaidSinceAsync(_boris, mark)).Should().ContainSingle().Subject;
        close.Text.Should().Contain("последний этап — закройте сделку");
        close.CallbackData.Should().Contain($"dwon:{deal}");

        (await _app.QueryAsync(db => db.Audit.Where(a => a.Action.StartsWith("task.")).Select(a => a.Action).ToListAsync()))
            .Should().Contain(["task.opened", "task.taken", "task.returned", "task.done"]);
    }

    [DatabaseFact]
    public async Task A_forged_task_button_from_an_outsider_or_the_manager_changes_nothing()
    {
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        await _boris.SayAsync($"/move {deal} Договор");
        var task = await OpenTaskAsync(deal);

        foreach (var (chat, data) in new[] { (_vera, "done"), (_vera, "take"), (_boris, "done"), (_boris, "back"), (_admin, "take") })
        {
            var answered = _app.Api.Calls.Count(c => c.Method == "answerCallbackQuery");
            await chat.TapUntilAnsweredAsync($"tk:{task.Id}:{data}");
            _app.Api.Calls.Where(c => c.Method == "answerCallbackQuery").Skip(answered)
                .Should().Contain(c => c.Body["text"] != null && c.Body["text"]!.ToString() == "Эта задача не вашего отдела.");
        }

        (await _vera.LastAsync($"/tasks back {task.Id} подделка")).Text.Should().Contain("не вашего отдела");
        (await TaskAsync(task.Id)).Status.Should().Be(StageTaskStatus.Waiting);
        (await StageOfAsync(deal)).Should().Be("Договор");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "access.denied" && a.Subject == $"task #{task.Id}"))).Should().BeGreaterThanOrEqualTo(5);

        // A stale one: the deal was won meanwhile, the task went with it; a tap of a lawyer is refused too.
        await _boris.SayAsync($"/won {deal}");
        (await TaskAsync(task.Id)).Status.Should().Be(StageTaskStatus.Cancelled);
        await _petr.TapUntilAnsweredAsync($"tk:{task.Id}:done");
        (await TaskAsync(task.Id)).Status.Should().Be(StageTaskStatus.Cancelled);
        await _petr.TapUntilAnsweredAsync("tk:999999:done");
    }

    [DatabaseFact]
    public async Task A_taken_task_is_withdrawn_when_the_deal_is_lost_and_comes_back_with_the_undo()
    {
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        await _boris.SayAsync($"/move {deal} Договор");
        var task = await OpenTaskAsync(deal);
        await _petr.TapAsync($"tk:{task.Id}:take");

        var mark = await MarkAsync();
        await _boris.SayAsync($"/lost {deal} Цена");
        (await TaskAsync(task.Id)).Should().Match<StageTask>(t => t.Status == StageTaskStatus.Cancelled && t.Comment == "сделка проиграна");
        (await SaidSinceAsync(_petr, mark)).Should().ContainSingle(s => s.Text.Contains("Задача снята"));

        await _boris.SayAsync("/undo");
        (await StageOfAsync(deal)).Should().Be("Договор");
        (await OpenTaskAsync(deal)).Status.Should().Be(StageTaskStatus.Waiting);
    }

    [DatabaseFact]
    public async Task A_deal_stuck_at_an_owned_stage_is_stuck_with_that_department_in_the_digest()
    {
        var borisId = await _app.UserIdAsync(Boris);
        await Seed.DealAsync(_app, await Seed.ClientAsync(_app, "Лютик", borisId), borisId, "Договор", 300_000m, DateTime.UtcNow.AddDays(-20));

        var digest = string.Join("\n", (await _admin.SayAsync("/digest")).Select(s => s.Text));
        digest.Should().Contain("застряла у <b>Юристы</b> на «Договор», 20 дн. из 14");
    }

    [DatabaseFact]
    public async Task Removing_a_stage_with_open_tasks_moves_the_work_with_the_deals()
    {
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        await _boris.SayAsync($"/move {deal} Договор");
        var task = await OpenTaskAsync(deal);

        var mark = await MarkAsync();
        (await _admin.LastAsync("/stage remove Договор to Отгрузка")).Text.Should().Contain("Открытые задачи этапа: 1 закрыто; на «Отгрузка» 1 новая задача");
        (await TaskAsync(task.Id)).Status.Should().Be(StageTaskStatus.Cancelled);
        var shipping = await OpenTaskAsync(deal);
        (await SaidSinceAsync(_vera, mark)).Should().ContainSingle(s => s.Has($"tk:{shipping.Id}:done"));
        (await SaidSinceAsync(_boris, mark)).Should().ContainSingle(s => s.Text.Contains("перешла на этап «Отгрузка»"));
    }

    [DatabaseFact]
    public async Task Removing_a_department_with_open_tasks_hands_them_to_the_deals_managers()
    {
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        await _boris.SayAsync($"/move {deal} Договор");
        var task = await OpenTaskAsync(deal);

        var (question, _) = await _admin.LastAsync("/dept remove Юристы");
        question.Should().Contain("1 открытая задача перейдёт менеджерам сделок");
        var lawyers = await _app.QueryAsync(db => db.Departments.Where(d => d.Name == "Юристы").Select(d => d.Id).SingleAsync());
        var mark = await MarkAsync();
        (await _admin.TapAsync($"dept:xy:{lawyers}:0"))[^1].Text.Should().Contain("1 открытая задача отдела передана менеджерам сделок");
        (await TaskAsync(task.Id)).Should().Match<StageTask>(t => t.DepartmentId == null && t.UserId == null && t.Status == StageTaskStatus.Waiting);
        (await SaidSinceAsync(_boris, mark)).Should().ContainSingle(s => s.Has($"tk:{task.Id}:done"));

        (await _boris.LastAsync("/tasks")).Buttons.Should().Contain(b => b.Data == $"tk:{task.Id}:done");
        await _petr.TapUntilAnsweredAsync($"tk:{task.Id}:done");
        (await StageOfAsync(deal)).Should().Be("Договор", "the lawyer no longer owes it");
        await _boris.TapAsync($"tk:{task.Id}:done");
        (await StageOfAsync(deal)).Should().Be("Отгрузка");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "task.reassigned"))).Should().Be(1);
    }

    [DatabaseFact]
    public async Task Giving_a_stage_to_another_department_takes_its_open_tasks_along()
    {
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        await _boris.SayAsync($"/move {deal} Договор");
        var task = await OpenTaskAsync(deal);

        var mark = await MarkAsync();
        (await _admin.LastAsync("/stage set Договор owner Логистика")).Text.Should().Contain("1 открытая задача этапа передана: Логистика");
        var logistics = await _app.QueryAsync(db => db.Departments.Where(d => d.Name == "Логистика").Select(d => d.Id).SingleAsync());
        (await TaskAsync(task.Id)).DepartmentId.Should().Be(logistics);
        (await SaidSinceAsync(_vera, mark)).Should().ContainSingle(s => s.Text.Contains("Задача для Логистика") && s.Has($"tk:{task.Id}:take"));
        await _petr.TapUntilAnsweredAsync($"tk:{task.Id}:take");
        (await TaskAsync(task.Id)).Status.Should().Be(StageTaskStatus.Waiting, "the lawyers no longer owe it");
        await _vera.TapAsync($"tk:{task.Id}:take");
        (await TaskAsync(task.Id)).Status.Should().Be(StageTaskStatus.InWork);
    }

    [DatabaseFact]
    public async Task The_manager_is_told_in_their_own_language()
    {
        var emma = await Chat.JoinAsync(_app, 3002, "manager", "Emma", "en");
        await Seed.ClientAsync(_app, "Acme", await _app.UserIdAsync(3002));
        var deal = await emma.OpenDealAsync("Acme 1000");
        (await emma.SayAsync($"/move {deal} Contract")).Should().Contain(s => s.Text.Contains("the task is with <b>Юристы</b>"));
        var task = await OpenTaskAsync(deal);

        var mark = await MarkAsync();
        await _petr.TapAsync($"tk:{task.Id}:take");
        (await SaidSinceAsync(emma, mark)).Should().ContainSingle(s => s.Text.Contains("<b>Пётр</b> (Юристы) took deal"));
        await _petr.TapAsync($"tk:{task.Id}:done");
        (await SaidSinceAsync(emma, mark)).Should().Contain(s => s.Text.Contains("is done. The deal moved to “Отгрузка”"));
    }

    [DatabaseFact]
    public async Task A_deal_opened_into_an_owned_first_stage_gets_its_task_and_the_undo_takes_both_back()
    {
        await _admin.LastAsync("/stage set Первый контакт owner Юристы");
        var mark = await MarkAsync();
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        var task = await OpenTaskAsync(deal);
        (await SaidSinceAsync(_petr, mark)).Should().ContainSingle(s => s.Has($"tk:{task.Id}:take"));

        (await _boris.LastAsync("/undo")).Text.Should().Contain("Отменено");
        (await _app.CountAsync<Deal>()).Should().Be(0);
        (await _app.CountAsync<StageTask>()).Should().Be(0);
        await _petr.TapUntilAnsweredAsync($"tk:{task.Id}:take");
    }

    [DatabaseFact]
    public async Task Deactivating_a_person_who_owns_a_stage_hands_the_stage_and_its_open_task_back_to_the_managers()
    {
        await _admin.LastAsync("/stage set Переговоры owner Пётр");
        var deal = await _boris.OpenDealAsync("Ромашка 500000");
        await _boris.SayAsync($"/move {deal} Переговоры");
        var task = await OpenTaskAsync(deal);
        task.UserId.Should().Be(await _app.UserIdAsync(Petr));

        var mark = await MarkAsync();
        var petr = await _app.UserIdAsync(Petr);
        (await _admin.TapAsync($"deact:{petr}:y"))[^1].Text.Should().Contain("отключён");

        (await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Name == "Переговоры"))).OwnerUserId.Should().BeNull();
        var after = await OpenTaskAsync(deal);
        (after.UserId, after.DepartmentId).Should().Be((null, null), "the deal's manager holds the work now");
        (await SaidSinceAsync(_boris, mark)).Should().Contain(s => s.Has($"tk:{task.Id}:take"));
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "task.reassigned"))).Should().Be(1);
    }

    private Task<long> MarkAsync() => _app.QueryAsync(db => db.Outbox.Select(m => (long?)m.Id).MaxAsync()).ContinueWith(t => t.Result ?? 0);

    private async Task<IReadOnlyList<Said>> SaidSinceAsync(Chat chat, long after)
    {
        var rows = await _app.QueryAsync(db => db.Outbox
            .Where(m => m.ChatId == chat.TelegramId && m.Id > after && (m.Kind == OutboxKind.Message || m.Kind == OutboxKind.EditMessage))
            .OrderBy(m => m.Id).ToListAsync());
        return [.. rows.Select(r => (Row: r, Payload: JsonSerializer.Deserialize<MessagePayload>(r.Payload)!))
            .Select(x => new Said(x.Payload.Html,
                x.Payload.Buttons?.SelectMany(row => row).Select(b => (b.Text, b.Data ?? "")).ToList() ?? [],
                x.Row.Kind == OutboxKind.EditMessage))];
    }

    private Task<StageTask> OpenTaskAsync(long deal) => _app.QueryAsync(db => db.StageTasks.AsNoTracking()
        .SingleAsync(t => t.DealId == deal && (t.Status == StageTaskStatus.Waiting || t.Status == StageTaskStatus.InWork)));

    private Task<StageTask> TaskAsync(long id) => _app.QueryAsync(db => db.StageTasks.AsNoTracking().SingleAsync(t => t.Id == id));

    private Task<string> StageOfAsync(long deal) => _app.QueryAsync(db => db.Deals.Where(d => d.Id == deal)
        .Join(db.Stages, d => d.StageId, s => s.Id, (d, s) => s.Name).SingleAsync());
}

public sealed class StageTaskTestsOnSqlite() : StageTaskTests(TestDatabase.Sqlite());

[Postgres]
public sealed class StageTaskTestsOnPostgres() : StageTaskTests(TestDatabase.Postgres());
