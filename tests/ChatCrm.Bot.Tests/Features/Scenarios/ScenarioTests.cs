using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Scenarios;

/// <summary>
/// A stage's scenario as a head writes it and a manager follows it: shown, edited, offered after a move and a touch,
/// followed in /card and /deals, skipped only with a confirmation the weekly digest reports, and per segment.
/// </summary>
public abstract class ScenarioTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2002;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        _admin = Chat.Admin(_app);
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync(), DateTime.UtcNow);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<string> StageOfAsync(long deal) =>
        _app.QueryAsync(db => db.Deals.Where(d => d.Id == deal).Join(db.Stages, d => d.StageId, s => s.Id, (d, s) => s.Name).SingleAsync());

    private Task<long> StageIdAsync(string name) => _app.QueryAsync(db => db.Stages.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    [DatabaseFact]
    public async Task A_fresh_database_has_the_default_scenario_which_bare_scenario_lists_by_stage()
    {
        (await _app.CountAsync<ScenarioStep>()).Should().Be(7);

        var list = await _admin.LastAsync("/scenario");
        list.Text.Should().Contain("Сценарии этапов");
        list.Labels.Should().Contain(["📋 Первый контакт (1)", "📋 Квалификация (2)", "📋 Предложение (2)", "📋 Договор (1)"]);

        var shown = (await _admin.TapAsync(list.Button("Предложение")))[^1].Text;
        shown.Should().Contain("Сценарий этапа Предложение")
            .And.Contain("1. Демо — в течение 3 дн. ❗обязательно")
            .And.Contain("2. Письмо — в течение 5 дн.")
            .And.Contain("/scenario Предложение add");
        shown.Should().NotContain("2. Письмо — в течение 5 дн. ❗");

        // A manager sees the steps too, without the editing hint.
        var seen = (await _ivan.LastAsync("/scenario первый")).Text;
        seen.Should().Contain("1. Звонок — в течение 1 дн. ❗обязательно").And.NotContain("add");
    }

    [DatabaseFact]
    public async Task A_head_adds_moves_and_removes_steps_and_bad_input_changes_nothing()
    {
        (await _admin.LastAsync("/scenario Квалификация add демо 2 дн обязательно")).Text
            .Should().Contain("Шаг 3. <b>Демо</b> добавлен").And.Contain("3. Демо — в течение 2 дн. ❗обязательно");
        (await _admin.LastAsync("/scenario Квалификация move 3 1")).Text
            .Should().Contain("1. Демо").And.Contain("2. Звонок").And.Contain("3. Встреча");
        (await _admin.LastAsync("/scenario Квалификация remove 2")).Text
            .Should().Contain("Шаг 2. <b>Звонок</b> убран").And.Contain("1. Демо").And.Contain("2. Встреча").And.NotContain("3.");

        var before = await _app.QueryAsync(db => db.ScenarioSteps.OrderBy(s => s.StageId).ThenBy(s => s.Position)
            .Select(s => new { s.StageId, s.Position, s.WorkTypeId, s.WithinDays, s.IsRequired }).ToListAsync());

        (await _admin.LastAsync("/scenario Квалификация remove 9")).Text.Should().Contain("Шага №9 нет");
        (await _admin.LastAsync("/scenario Квалификация move 1")).Text.Should().Contain("/scenario");
        (await _admin.LastAsync("/scenario Квалификация add 500 дн звонок")).Text.Should().NotContain("добавлен");
        var unknownStage = await _admin.LastAsync("/scenario Квалификашка add звонок");
        unknownStage.Text.Should().Contain("Не нашёл этап");
        unknownStage.Labels.Should().Contain("Квалификация");
        var unknownSegment = await _admin.LastAsync("/scenario Квалификация #Опт add звонок");
        unknownSegment.Text.Should().Contain("Опт");
        (await _ivan.LastAsync("/scenario Квалификация add звонок")).Text.Should().Contain("руководитель или администратор");
        var unknownType = await _admin.LastAsync("/scenario Квалификация add телепатия");
        unknownType.Text.Should().Contain("Не нашёл вид работы «телепатия»");
        unknownType.Labels.Should().Contain("Звонок");

        var after = await _app.QueryAsync(db => db.ScenarioSteps.OrderBy(s => s.StageId).ThenBy(s => s.Position)
            .Select(s => new { s.StageId, s.Position, s.WorkTypeId, s.WithinDays, s.IsRequired }).ToListAsync());
        after.Should().Equal(before, "unclear input and a manager's edit change nothing");

        // The picked work type finishes the command as typed.
        var picked = (await _admin.TapAsync(unknownType.Button("Встреча")))[^1].Text;
        picked.Should().Contain("Шаг 3. <b>Встреча</b> добавлен");

        (await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync()))
            .Should().Contain(["scenario.added", "scenario.moved", "scenario.removed"]);
    }

    [DatabaseFact]
    public async Task The_next_step_is_offered_after_a_move_and_a_touch_and_following_it_shows_in_card_and_deals()
    {
        var deal = await _ivan.OpenDealAsync("Ромашка 100к");
        (await _ivan.LastAsync("/deals")).Text.Should().Contain("📋 0/1");

        // The first contact's call: done, nothing more to offer at this stage.
        (await _ivan.LastAsync("/call Ромашка")).Text.Should().NotContain("Далее по регламенту");
        (await _ivan.LastAsync("/deals")).Text.Should().Contain("📋 1/1");

        var moved = await _ivan.LastAsync($"/move {deal} Квалификация");
        moved.Text.Should().Contain("Далее по регламенту: <b>Звонок</b> в течение 3 дней — запланировать?");
        moved.Labels.Should().Contain(l => l.StartsWith("📋 Запланировать на", StringComparison.Ordinal));
        (await StageOfAsync(deal)).Should().Be("Квалификация");

        // A touch that is not the next step: the call is still offered.
        var emailed = await _ivan.LastAsync("/email Ромашка");
        emailed.Text.Should().Contain("Далее по регламенту: <b>Звонок</b>");
        var plan = emailed.Button("📋 Запланировать");
        plan.Should().StartWith("nx:");
        (await _ivan.TapAsync(plan))[^1].Text.Should().Contain("Ромашка");
        (await _app.QueryAsync(db => db.Touches.CountAsync(t => t.Status == TouchStatus.Planned))).Should().Be(1);

        // Planned already: not offered again.
        (await _ivan.LastAsync("/email Ромашка")).Text.Should().NotContain("Далее по регламенту");

        var called = await _ivan.LastAsync("/call Ромашка");
        called.Text.Should().Contain("Далее по регламенту: <b>Встреча</b> в течение 7 дней");
        (await _ivan.LastAsync("/card Ромашка")).Text.Should().Contain("📋 1/2");
        (await _ivan.LastAsync("/deals")).Text.Should().Contain("📋 1/2");

        (await _ivan.LastAsync("/meet Ромашка")).Text.Should().NotContain("Далее по регламенту");
        (await _ivan.LastAsync("/card Ромашка")).Text.Should().Contain("📋 2/2");
        (await _ivan.LastAsync("/deals")).Text.Should().Contain("📋 2/2");

        // All required steps done: the next move asks nothing.
        (await _ivan.LastAsync($"/move {deal} Предложение")).Text.Should().Contain("Далее по регламенту: <b>Демо</b>");
        (await StageOfAsync(deal)).Should().Be("Предложение");
    }

    [DatabaseFact]
    public async Task Moving_on_with_required_steps_undone_asks_first_records_the_skip_and_the_weekly_digest_lists_it()
    {
        var deal = await _ivan.OpenDealAsync("Ромашка 100к");

        var asked = await _ivan.LastAsync($"/move {deal} Квалификация");
        asked.Text.Should().Contain("не сделаны обязательные шаги: Звонок").And.Contain("Всё равно перевести в <b>Квалификация</b>?");
        asked.Labels.Should().Equal("⏭ Всё равно перевести", "✖️ Отмена");
        asked.CallbackData.Should().OnlyContain(d => d.Length <= 64);
        (await StageOfAsync(deal)).Should().Be("Первый контакт", "nothing moves before the answer");

        (await _ivan.TapAsync(asked.Button("Отмена")))[^1].Text.Should().Contain("осталась на этапе <b>Первый контакт</b>");
        (await StageOfAsync(deal)).Should().Be("Первый контакт");

        // The stage buttons ask the same way.
        var viaButton = (await _ivan.TapAsync($"mv:{deal}:{await StageIdAsync("Переговоры")}"))[^1];
        viaButton.Text.Should().Contain("не сделаны обязательные шаги: Звонок");
        (await StageOfAsync(deal)).Should().Be("Первый контакт");

        var confirmed = await _ivan.TapAsync(viaButton.Button("Всё равно"));
        confirmed.Should().Contain(s => s.Text.Contains("Пропуск шагов записан: Звонок", StringComparison.Ordinal));
        (await StageOfAsync(deal)).Should().Be("Переговоры");
        var skip = await _app.QueryAsync(db => db.ScenarioSkips.SingleAsync());
        (skip.DealId, skip.StageName, skip.Steps).Should().Be((deal, "Первый контакт", "Звонок"));
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "scenario.skipped"))).Should().Be(1);

        // Moving back skips nothing and asks nothing.
        (await _ivan.LastAsync($"/move {deal} Квалификация")).Text.Should().NotContain("обязательные шаги");
        (await StageOfAsync(deal)).Should().Be("Квалификация");

        // The weekly digest covers the seven days before today: the skip was two days ago.
        await _app.WriteAsync(db => db.ScenarioSkips.ExecuteUpdateAsync(s => s.SetProperty(x => x.At, DateTime.UtcNow.AddDays(-2))));
        var digest = await _admin.SayAsync("/digest week");
        digest.Should().Contain(s => s.Text.Contains("Пропущены обязательные шаги", StringComparison.Ordinal)
            && s.Text.Contains($"№{deal} Ромашка — Первый контакт: Звонок (Иван)", StringComparison.Ordinal));
        (await _admin.SayAsync("/digest")).Should().NotContain(s => s.Text.Contains("Пропущены", StringComparison.Ordinal), "weekly only");
    }

    [DatabaseFact]
    public async Task A_segment_with_its_own_scenario_follows_it_and_one_without_follows_the_general_one()
    {
        var vip = await Seed.SegmentAsync(_app, "VIP");
        var vasilek = await Seed.ClientAsync(_app, "Василёк", await _ivan.UserIdAsync(), DateTime.UtcNow);
        await _app.WriteAsync(async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == vasilek);
            client.SetSegment(await db.Segments.SingleAsync(s => s.Id == vip));
            return 0;
        });

        (await _admin.LastAsync("/scenario Первый контакт #VIP")).Text
            .Should().Contain("своих шагов нет — действуют общие").And.Contain("1. Звонок");
        (await _admin.LastAsync("/scenario Первый контакт #VIP add встреча 2 дн обязательно")).Text
            .Should().Contain("сегмент #VIP").And.Contain("1. Встреча — в течение 2 дн. ❗обязательно").And.NotContain("Звонок");
        (await _admin.LastAsync("/scenario Первый контакт")).Text.Should().Contain("1. Звонок").And.NotContain("Встреча");

        var own = await _ivan.OpenDealAsync("Василёк 50к");
        var general = await _ivan.OpenDealAsync("Ромашка 70к");
        await _ivan.LastAsync("/call Василёк");
        await _ivan.LastAsync("/call Ромашка");
        var deals = (await _ivan.LastAsync("/deals")).Text;
        deals.Should().MatchRegex(@"#" + own + @" Василёк[^\n]*📋 0/1").And.MatchRegex(@"#" + general + @" Ромашка[^\n]*📋 1/1");

        (await _ivan.LastAsync($"/move {own} Квалификация")).Text.Should().Contain("не сделаны обязательные шаги: Встреча");
        (await _ivan.LastAsync($"/move {general} Квалификация")).Text.Should().NotContain("обязательные шаги");
        (await StageOfAsync(own)).Should().Be("Первый контакт");
        (await StageOfAsync(general)).Should().Be("Квалификация");
    }

    [DatabaseFact]
    public async Task An_english_company_gets_the_default_scenario_in_english_and_an_existing_database_is_not_seeded_again()
    {
        // Another company: its own database of the same kind, so the two bots never share one.
        var elsewhere = database.IsPostgres ? TestDatabase.Postgres() : TestDatabase.Sqlite();
        try
        {
            await using var english = await ChatCrmApp.StartAsync(database: elsewhere, settings: new Dictionary<string, string?> { ["Crm:DefaultLanguage"] = "en" });
            var shown = (await new Chat(english, ChatCrmApp.AdminId, language: "en").LastAsync("/scenario Proposal")).Text;
            shown.Should().Contain("Scenario of Proposal").And.Contain("1. Demo — within 3 days ❗required").And.Contain("2. E-mail — within 5 days");
        }
        finally
        {
            await elsewhere.DropAsync();
        }

        // A database that already has its process keeps what the head wrote: a restart seeds nothing.
        await _admin.LastAsync("/scenario Договор remove 1");
        _app = await _app.RestartAsync();
        (await _app.CountAsync<ScenarioStep>()).Should().Be(6);
    }
}

public sealed class ScenarioTestsOnSqlite() : ScenarioTests(TestDatabase.Sqlite());

[Postgres]
public sealed class ScenarioTestsOnPostgres() : ScenarioTests(TestDatabase.Postgres());
