using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.SalesProcess;

/// <summary>Issue 9: «/stage add Тендеры Подача заявки» asks whether Тендеры is the cycle or part of the name.</summary>
public sealed class StageCycleQuestionTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;
    private long _tenders;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync();
        _admin = Chat.Admin(_app);
        _tenders = await _app.QueryAsync(async db =>
        {
            var cycle = SalesCycle.Create("Тендеры", DateTime.UtcNow);
            db.Cycles.Add(cycle);
            await db.SaveChangesAsync();
            return cycle.Id;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<Stage>> StagesNamedAsync(string name) =>
        _app.QueryAsync(db => db.Stages.Where(s => s.Name == name).ToListAsync());

    private Task<int> StageCountAsync() => _app.QueryAsync(db => db.Stages.CountAsync());

    [Fact]
    public async Task A_leading_cycle_name_is_asked_about_and_nothing_is_created_until_the_tap()
    {
        var before = await StageCountAsync();

        var asked = await _admin.LastAsync("/stage add Тендеры Подача заявки");

        asked.Text.Should().Contain("«Тендеры» — это цикл").And.Contain("этап «Подача заявки» в цикл «Тендеры»")
            .And.Contain("этап «Тендеры Подача заявки» в цикл «Продажи»");
        asked.CallbackData.Should().Contain(["pick:c", "pick:n"]);
        (await StageCountAsync()).Should().Be(before);

        await _admin.TapAsync("pick:c");
        (await StagesNamedAsync("Подача заявки")).Should().ContainSingle(s => s.CycleId == _tenders);
        (await StagesNamedAsync("Тендеры Подача заявки")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_long_name_is_kept_when_picked_and_goes_to_the_default_cycle()
    {
        (await _admin.LastAsync("/stage add тендеры Подача заявки дней 5")).CallbackData.Should().Contain("pick:n");
        (await StagesNamedAsync("тендеры Подача заявки")).Should().BeEmpty("nothing is created until the tap");

        await _admin.TapAsync("pick:n");

        var stage = (await StagesNamedAsync("тендеры Подача заявки")).Should().ContainSingle().Subject;
        stage.CycleId.Should().NotBe(_tenders);
        stage.DaysAllowed.Should().Be(5);
    }

    [Fact]
    public async Task An_english_admin_is_asked_in_english_and_an_explicit_cycle_is_not_asked_about()
    {
        (await _admin.LastAsync("/stage add Тендеры Подача заявки", "en")).Text.Should().Contain("“Тендеры” is a cycle");

        (await _admin.LastAsync("/stage add Подача заявки cycle Тендеры")).Text.Should().Contain("Подача заявки");
        (await StagesNamedAsync("Подача заявки")).Should().ContainSingle(s => s.CycleId == _tenders);
    }
}
