using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.SalesProcess;

public sealed class StageTests : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private const long Manager = 3001;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        _admin = Chat.Admin(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<Stage>> LiveStagesAsync() =>
        _app.QueryAsync(db => db.Stages.Where(s => !s.IsRetired).OrderBy(s => s.Position).ToListAsync());

    [Fact]
    public async Task Stages_are_added_moved_renamed_and_tuned_by_typed_commands_and_each_change_is_audited()
    {
        (await _admin.LastAsync("/stage add Демо после Квалификация дней 5 вер 40")).Text.Should().Contain("Демо").And.Contain("3");
        var demo = (await LiveStagesAsync()).Single(s => s.Name == "Демо");
        (demo.Position, demo.DaysAllowed, demo.Probability).Should().Be((3, 5, 40));

        (await _admin.LastAsync("/stage move Демо 1")).Text.Should().Contain("3 → 1");
        (await _admin.LastAsync("/stage rename Демо Демонстрация")).Text.Should().Contain("Демонстрация");
        (await _admin.LastAsync("/stage set Демонстрация дней 0 вер 15")).Text.Should().Contain("15%");

        var stages = await LiveStagesAsync();
        stages.Select(s => s.Name).Should().Equal("Демонстрация", "Первый контакт", "Квалификация", "Предложение", "Переговоры", "Договор");
        stages.Select(s => s.Position).Should().Equal(1, 2, 3, 4, 5, 6);
        stages[0].DaysAllowed.Should().BeNull();
        stages[0].Probability.Should().Be(15);
        var actions = await _app.QueryAsync(db => db.Audit.Select(a => a.Action).ToListAsync());
        actions.Should().Contain(["stage.added", "stage.moved", "stage.renamed", "stage.days", "stage.probability"]);
        (await _app.QueryAsync(db => db.Audit.SingleAsync(a => a.Action == "stage.renamed"))).Should()
            .Match<Core.Domain.Audit.AuditEntry>(a => a.Before == "Демо" && a.After == "Демонстрация");
    }

    [Fact]
    public async Task A_duplicate_name_and_a_position_outside_the_cycle_are_refused_and_change_nothing()
    {
        var before = await LiveStagesAsync();

        (await _admin.LastAsync("/stage add квалификация")).Text.Should().Contain("уже есть");
        (await _admin.LastAsync("/stage rename Договор Предложение")).Text.Should().Contain("уже есть");
        (await _admin.LastAsync("/stage move Договор 9")).Text.Should().Contain("позиции 9 нет");
        (await _admin.LastAsync("/stage set Договор дней много")).Text.Should().Contain("Число дней");

        (await LiveStagesAsync()).Select(s => (s.Name, s.Position, s.DaysAllowed))
            .Should().Equal(before.Select(s => (s.Name, s.Position, s.DaysAllowed)));
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action.StartsWith("stage.")))).Should().BeFalse();
    }

    [Fact]
    public async Task A_misspelt_stage_gets_suggestions_and_a_pick_finishes_the_command()
    {
        var reply = await _admin.LastAsync("/stage move Квалификацыя 1");

        reply.Text.Should().Contain("нет");
        var qualification = (await LiveStagesAsync()).Single(s => s.Name == "Квалификация");
        reply.CallbackData.Should().Contain($"pick:#s{qualification.Id}");
        (await _admin.TapAsync($"pick:#s{qualification.Id}"))[^1].Text.Should().Contain("2 → 1");
        (await LiveStagesAsync())[0].Name.Should().Be("Квалификация");
    }

    [Fact]
    public async Task Removing_a_stage_with_open_deals_asks_where_moves_them_and_history_keeps_the_old_name()
    {
        await Chat.JoinAsync(_app, Manager, "manager", name: "Борис");
        var boris = await _app.UserIdAsync(Manager);
        var client = await Seed.ClientAsync(_app, "Ромашка", boris);
        var first = await Seed.DealAsync(_app, client, boris, "Квалификация", 100_000m);
        var second = await Seed.DealAsync(_app, client, boris, "Квалификация", 50_000m);
        var won = await Seed.DealAsync(_app, client, boris, "Квалификация", 70_000m);
        await _app.WriteAsync(async db =>
        {
            var deal = await db.Deals.SingleAsync(d => d.Id == won);
            db.StageChanges.Add(deal.Win(null, DateTime.UtcNow.AddDays(-1), boris));
            return 0;
        });

        (await _admin.LastAsync("/stage rename Квалификация Квалификация лида")).Text.Should().Contain("Квалификация лида");
        var ask = await _admin.LastAsync("/stage remove Квалификация лида");

        ask.Text.Should().Contain("2 сделки").And.Contain("Куда");
        var proposal = (await LiveStagesAsync()).Single(s => s.Name == "Предложение");
        (await _admin.TapAsync($"pick:#s{proposal.Id}"))[^1].Text.Should().Contain("Квалификация лида").And.Contain("Предложение");

        var stages = await LiveStagesAsync();
        stages.Select(s => s.Name).Should().Equal("Первый контакт", "Предложение", "Переговоры", "Договор");
        stages.Select(s => s.Position).Should().Equal(1, 2, 3, 4);
        var deals = await _app.QueryAsync(db => db.Deals.OrderBy(d => d.Id).ToListAsync());
        deals.Where(d => d.Id == first || d.Id == second).Should().OnlyContain(d => d.StageId == proposal.Id);
        var retired = await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.IsRetired));
        retired.Name.Should().Be("Квалификация лида");
        deals.Single(d => d.Id == won).StageId.Should().Be(retired.Id, "a closed deal keeps the stage it closed in");

        var history = await _app.QueryAsync(db => db.StageChanges.Where(c => c.Kind == StageChangeKind.Moved).ToListAsync());
        history.Should().HaveCount(2).And.OnlyContain(c => c.FromStageName == "Квалификация" && c.ToStageName == "Предложение" && c.FromStageId == retired.Id);
        var openedIn = await _app.QueryAsync(db => db.StageChanges.Where(c => c.Kind == StageChangeKind.Opened)
            .GroupBy(c => c.ToStageName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        openedIn.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Key = "Квалификация", Count = 3 }, "reports read the names history recorded");

        var funnel = await _admin.LastAsync("/stages");
        funnel.Plain.Should().Contain("Предложение</b> — 2 сделки, 150 000 ₽").And.NotContain("Квалификация");
    }

    [Fact]
    public async Task A_typed_target_moves_the_deals_at_once_and_the_last_stage_cannot_go()
    {
        await Chat.JoinAsync(_app, Manager, "manager", name: "Борис");
        var boris = await _app.UserIdAsync(Manager);
        var deal = await Seed.DealAsync(_app, await Seed.ClientAsync(_app, "Ромашка", boris), boris, "Переговоры", 10_000m);

        (await _admin.LastAsync("/stage remove Переговоры в Договор")).Text.Should().Contain("1 сделка → <b>Договор</b>");
        (await _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == deal))).EnteredStageName.Should().Be("Договор");

        (await _admin.LastAsync("/pipeline add Тендеры")).Text.Should().Contain("Тендеры");
        (await _admin.LastAsync("/stage add Заявка cycle Тендеры")).Text.Should().Contain("Заявка");
        (await _admin.LastAsync("/stage remove Заявка cycle Тендеры")).Text.Should().Contain("последний этап");
        (await _app.QueryAsync(db => db.Stages.SingleAsync(s => s.Name == "Заявка"))).IsRetired.Should().BeFalse();
    }

    [Fact]
    public async Task The_funnel_buttons_move_a_stage_and_ask_for_a_new_name()
    {
        var funnel = await _admin.LastAsync("/stages");
        funnel.Text.Should().Contain("Воронка «Продажи»");
        var proposal = (await LiveStagesAsync()).Single(s => s.Name == "Предложение");

        (await _admin.TapAsync(funnel.Button("Предложение")))[^1].Text.Should().Contain("3 из 5");
        (await _admin.TapAsync($"stg:u:{proposal.Id}"))[^1].Text.Should().Contain("2 из 5");
        await _app.SendAsync(Updates.Tap(Admin, $"stg:r:{proposal.Id}"));
        await _app.Api.WaitForAsync(c => c.Any(x => x.Text?.Contains("Новое название") == true), because: "the name is asked");
        (await _admin.LastAsync("Коммерческое предложение")).Text.Should().Contain("Коммерческое предложение");

        var stages = await LiveStagesAsync();
        stages[1].Name.Should().Be("Коммерческое предложение");
        stages.Select(s => s.Position).Should().Equal(1, 2, 3, 4, 5);
    }
}
