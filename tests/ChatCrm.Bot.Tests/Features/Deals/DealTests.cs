using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Deals;

public abstract class DealTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2001;
    private const long Petr = 2002;
    private ChatCrmApp _app = null!;
    private Chat _ivan = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        await _app.WithoutScenariosAsync(); // moves and lists here, not the regulation
        _ivan = await Chat.JoinAsync(_app, Ivan, "manager", "Иван");
        await Seed.ClientAsync(_app, "Ромашка", await _ivan.UserIdAsync(), DateTime.UtcNow);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private Task<Deal> DealAsync(long id) => _app.QueryAsync(db => db.Deals.SingleAsync(d => d.Id == id));

    private Task<Deal> LastDealAsync() => _app.QueryAsync(db => db.Deals.OrderByDescending(d => d.Id).FirstAsync());

    private Task<List<StageChange>> HistoryAsync(long dealId) =>
        _app.QueryAsync(db => db.StageChanges.Where(c => c.DealId == dealId).OrderBy(c => c.Id).ToListAsync());

    private Task<List<Stage>> StagesAsync() =>
        _app.QueryAsync(db => db.Stages.Where(s => !s.IsRetired).OrderBy(s => s.CycleId).ThenBy(s => s.Position).ToListAsync());

    [DatabaseFact]
    public async Task A_deal_opens_in_the_first_stage_with_the_amount_read_exactly()
    {
        var (text, markup) = await _ivan.LastAsync("/deal Ромашка 150к поставка станков");

        var deal = await LastDealAsync();
        text.Should().Be($"💼 Сделка #{deal.Id} «поставка станков» (<b>Ромашка</b>), 150 000 ₽ — этап «Первый контакт»");
        deal.Amount.Should().Be(150_000m);
        deal.Title.Should().Be("поставка станков");
        deal.Currency.Should().Be("RUB");
        deal.OwnerUserId.Should().Be(await _app.UserIdAsync(Ivan));
        markup.Should().Contain($"mv:{deal.Id}:").And.Contain("Квалификация").And.Contain($"dlost:{deal.Id}");
        (await HistoryAsync(deal.Id)).Should().ContainSingle(c => c.Kind == StageChangeKind.Opened && c.ToStageName == "Первый контакт");
    }

    [DatabaseFact]
    public async Task A_missing_amount_is_asked_for_and_the_answer_opens_the_deal()
    {
        (await _ivan.LastAsync("/deal Ромашка")).Text.Should().Contain("какая сумма");

        (await _ivan.LastAsync("1,5 млн")).Text.Should().Contain("1 500 000 ₽");
        (await LastDealAsync()).Amount.Should().Be(1_500_000m);
    }

    [DatabaseFact]
    public async Task A_client_named_with_a_typo_is_asked_with_buttons_and_the_tap_opens_the_deal()
    {
        var client = await _app.QueryAsync(db => db.Clients.SingleAsync(c => c.Name == "Ромашка"));

        var (asked, markup) = await _ivan.LastAsync("/deal Ромошка 100к аренда");
        asked.Should().Contain("Какого клиента");
        markup.Should().Contain($"Ромашка=pick:{client.Id}");

        (await _ivan.TapAsync($"pick:{client.Id}"))[^1].Text.Should().Contain("«аренда» (<b>Ромашка</b>), 100 000 ₽");
        (await LastDealAsync()).ClientId.Should().Be(client.Id);
    }

    [DatabaseTheory]
    [InlineData("/deal Ромашка -150к")]
    [InlineData("/deal Ромашка 0")]
    [InlineData("/deal Ромашка 150км")]
    [InlineData("/deal Ромашка $100")]
    public async Task A_negative_zero_or_unreadable_amount_is_explained_and_nothing_is_stored(string command)
    {
        (await _ivan.LastAsync(command)).Text.Should().Contain("Не понял сумму").And.Contain("Ничего не сохранено");

        (await _app.CountAsync<Deal>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task An_unknown_client_is_named_and_nothing_is_stored()
    {
        (await _ivan.LastAsync("/deal Лютик 100к")).Text.Should().Contain("«Лютик» не нашёл");

        (await _app.CountAsync<Deal>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task Moving_by_button_and_by_name_writes_history_that_keeps_the_stage_names_of_the_time()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var stages = await StagesAsync();

        (await _ivan.TapAsync($"mv:{id}:{stages[1].Id}"))[^1].Text.Should().Contain("«Первый контакт» → «Квалификация»");
        (await _ivan.LastAsync($"/move #{id} предложение")).Text.Should().Contain("«Квалификация» → «Предложение»");
        (await _ivan.LastAsync($"/move №{id} 4")).Text.Should().Contain("→ «Переговоры»");

        await _app.QueryAsync(async db =>
        {
            (await db.Stages.SingleAsync(s => s.Id == stages[1].Id)).Rename("Квалификация клиента");
            return await db.SaveChangesAsync();
        });

        var history = await HistoryAsync(id);
        history.Select(c => c.Kind).Should().Equal(StageChangeKind.Opened, StageChangeKind.Moved, StageChangeKind.Moved, StageChangeKind.Moved);
        history[1].FromStageName.Should().Be("Первый контакт");
        history[1].ToStageName.Should().Be("Квалификация", "a later rename does not rewrite the past");
        history[2].FromStageName.Should().Be("Квалификация");
        history.Should().OnlyContain(c => c.ByUserId == history[0].ByUserId);
        (await DealAsync(id)).StageId.Should().Be(stages[3].Id);
    }

    [DatabaseFact]
    public async Task Move_without_a_stage_offers_the_stages_and_a_typed_answer_moves_it()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        var (text, markup) = await _ivan.LastAsync($"/move {id}");
        text.Should().Contain("Куда двигаем");
        markup.Should().Contain($"mv:{id}:").And.NotContain("Первый контакт", "the current stage is not offered");

        (await _ivan.LastAsync("Договор")).Text.Should().Contain("→ «Договор»");
    }

    [DatabaseFact]
    public async Task An_unknown_stage_is_explained_with_the_stages_to_pick_and_nothing_changes()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        var (text, markup) = await _ivan.LastAsync($"/move {id} Луна");

        text.Should().Contain("нет этапа «Луна»");
        markup.Should().Contain($"mv:{id}:");
        (await HistoryAsync(id)).Should().HaveCount(1);
    }

    [DatabaseFact]
    public async Task Lost_without_a_reason_offers_the_reasons_and_never_closes_the_deal_until_one_is_tapped()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var price = await _app.QueryAsync(db => db.LostReasons.SingleAsync(r => r.Name == "Цена"));

        var (asked, markup) = await _ivan.LastAsync($"/lost {id}");
        asked.Should().Contain("Выберите причину");
        markup.Should().Contain($"dlost:{id}:{price.Id}");
        (await DealAsync(id)).IsOpen.Should().BeTrue();

        (await _ivan.LastAsync($"/lost {id} просто так")).Text.Should().Contain("Не знаю причины «просто так»");
        (await DealAsync(id)).IsOpen.Should().BeTrue();

        (await _ivan.TapAsync($"dlost:{id}:{price.Id}"))[^1].Text.Should().Contain("проиграна — причина «Цена»");
        var deal = await DealAsync(id);
        deal.Status.Should().Be(DealStatus.Lost);
        deal.LostReasonId.Should().Be(price.Id);
        (await HistoryAsync(id))[^1].Kind.Should().Be(StageChangeKind.Lost);
    }

    [DatabaseFact]
    public async Task A_typed_reason_loses_the_deal_and_keeps_the_comment()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        (await _ivan.LastAsync($"/lost {id} нет бюджета, вернуться весной")).Text.Should().Contain("причина «Нет бюджета»");

        var deal = await DealAsync(id);
        deal.Status.Should().Be(DealStatus.Lost);
        deal.LostNote.Should().Be("вернуться весной");
    }

    [DatabaseFact]
    public async Task A_won_deal_keeps_its_final_amount_and_can_be_reopened_with_a_tap()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        var (won, markup) = await _ivan.LastAsync($"/won {id} 90 000");
        won.Should().Contain("выиграна: 90 000 ₽");
        markup.Should().Contain($"dreo:{id}");
        (await DealAsync(id)).Status.Should().Be(DealStatus.Won);
        (await DealAsync(id)).Amount.Should().Be(90_000m);

        (await _ivan.TapAsync($"dreo:{id}"))[^1].Text.Should().Contain("снова открыта — этап «Первый контакт»");
        var deal = await DealAsync(id);
        deal.IsOpen.Should().BeTrue();
        deal.ClosedAt.Should().BeNull();
        (await HistoryAsync(id)).Select(c => c.Kind).Should().Equal(StageChangeKind.Opened, StageChangeKind.Won, StageChangeKind.Reopened);
    }

    [DatabaseFact]
    public async Task A_closed_deal_is_not_moved_but_offered_to_be_reopened_in_that_stage()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.SayAsync($"/won {id}");
        var proposal = (await StagesAsync())[2];

        var (text, markup) = await _ivan.LastAsync($"/move {id} Предложение");
        text.Should().Contain("уже выиграна и не двигается").And.Contain("Открыть заново на этапе «Предложение»?");
        markup.Should().Contain($"dreo:{id}:{proposal.Id}");
        var deal = await DealAsync(id);
        deal.Status.Should().Be(DealStatus.Won);
        (await HistoryAsync(id)).Should().HaveCount(2);

        (await _ivan.TapAsync($"mv:{id}:{proposal.Id}"))[^1].Text.Should().Contain("не двигается", "an old stage button refuses too");
        (await DealAsync(id)).Status.Should().Be(DealStatus.Won);

        (await _ivan.TapAsync($"dreo:{id}:{proposal.Id}"))[^1].Text.Should().Contain("этап «Предложение»");
        (await DealAsync(id)).StageId.Should().Be(proposal.Id);
    }

    [DatabaseFact]
    public async Task A_stage_of_another_cycle_is_refused_typed_or_tapped()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var tender = await _app.QueryAsync(async db =>
        {
            var cycle = SalesCycle.Create("Тендеры", DateTime.UtcNow);
            db.Cycles.Add(cycle);
            await db.SaveChangesAsync();
            var stage = Stage.Create(cycle.Id, "Заявка", 1, 20);
            db.Stages.Add(stage);
            await db.SaveChangesAsync();
            return stage;
        });

        (await _ivan.LastAsync($"/move {id} Заявка")).Text.Should().Contain("из другого цикла");
        (await _ivan.TapAsync($"mv:{id}:{tender.Id}"))[^1].Text.Should().Contain("из другого цикла");

        (await HistoryAsync(id)).Should().HaveCount(1);
        (await DealAsync(id)).StageId.Should().NotBe(tender.Id);
    }

    [DatabaseFact]
    public async Task The_cycle_keyword_opens_a_deal_in_another_cycle_and_an_unknown_cycle_is_refused()
    {
        await _app.QueryAsync(async db =>
        {
            var cycle = SalesCycle.Create("Тендеры", DateTime.UtcNow);
            db.Cycles.Add(cycle);
            await db.SaveChangesAsync();
            db.Stages.Add(Stage.Create(cycle.Id, "Заявка", 1, 20));
            return await db.SaveChangesAsync();
        });

        (await _ivan.LastAsync("/deal Ромашка 2 млн цикл Тендеры")).Text.Should().Contain("этап «Заявка» (цикл «Тендеры»)");
        (await _ivan.LastAsync("/deal Ромашка 2 млн cycle Луна")).Text.Should().Contain("Нет цикла продаж «Луна»").And.Contain("Продажи, Тендеры");

        (await _app.CountAsync<Deal>()).Should().Be(1);
    }

    [DatabaseFact]
    public async Task A_deal_of_another_manager_is_refused_and_the_refusal_is_audited()
    {
        var petr = await Chat.JoinAsync(_app, Petr, "manager", "Пётр");
        var id = await _ivan.OpenDealAsync("Ромашка 100к");

        (await petr.LastAsync($"/move {id} 2")).Text.Should().Be($"Сделки #{id} нет среди ваших. Ваши сделки — /deals");
        (await petr.TapAsync($"dwon:{id}"))[^1].Text.Should().Contain("нет среди ваших");

        (await DealAsync(id)).IsOpen.Should().BeTrue();
        (await HistoryAsync(id)).Should().HaveCount(1);
        var petrId = await _app.UserIdAsync(Petr);
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.ActorUserId == petrId && a.Action == "access.denied")))
            .Should().Be(2);
    }

    [DatabaseFact]
    public async Task Another_managers_deal_and_a_missing_one_get_the_same_answer_so_numbers_cannot_be_probed()
    {
        var petr = await Chat.JoinAsync(_app, Petr, "manager", "Пётр");
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var missing = id + 998;

        var theirs = (await petr.LastAsync($"/move {id} 2")).Text;
        var none = (await petr.LastAsync($"/move {missing} 2")).Text;

        theirs.Replace($"#{id}", "#N", StringComparison.Ordinal).Should().Be(none.Replace($"#{missing}", "#N", StringComparison.Ordinal));
        none.Should().Be($"Сделки #{missing} нет среди ваших. Ваши сделки — /deals");
        (await petr.LastAsync($"/move {id} 2", "en")).Text.Should().Be($"There is no deal #{id} among yours. Your deals: /deals");
    }

    [DatabaseTheory]
    [InlineData("/move 99999999999999999999999 2")]
    [InlineData("/move #2147483648")]
    [InlineData("/deal 99999999999999999999 + Станок")]
    [InlineData("/won 99999999999999999999")]
    public async Task A_deal_number_too_large_for_any_deal_reads_as_not_found(string command)
    {
        var said = await _ivan.LastAsync(command);

        said.Text.Should().NotContain("Что-то пошло не так").And.MatchRegex("нет среди ваших|не нашёл|не найден|нет\\.");
    }

    [DatabaseFact]
    public async Task Undo_takes_a_move_back_and_removes_its_history_row()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        var first = (await DealAsync(id)).StageId;
        await _ivan.SayAsync($"/move {id} 3");

        (await _ivan.LastAsync("/undo")).Text.Should().Be($"↩️ Отменено: перемещение сделки #{id}");

        var deal = await DealAsync(id);
        deal.StageId.Should().Be(first);
        deal.EnteredStageName.Should().Be("Первый контакт");
        (await HistoryAsync(id)).Should().ContainSingle().Which.Kind.Should().Be(StageChangeKind.Opened);
    }

    [DatabaseFact]
    public async Task Undo_reopens_a_lost_deal_and_then_removes_an_opened_one()
    {
        var id = await _ivan.OpenDealAsync("Ромашка 100к");
        await _ivan.SayAsync($"/lost {id} Цена");

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"проигрыш сделки #{id}");
        var deal = await DealAsync(id);
        deal.IsOpen.Should().BeTrue();
        deal.LostReasonId.Should().BeNull();

        (await _ivan.LastAsync("/undo")).Text.Should().Contain($"открытие сделки #{id}");
        (await _app.CountAsync<Deal>()).Should().Be(0);
        (await _app.CountAsync<StageChange>()).Should().Be(0);
    }

    [DatabaseFact]
    public async Task English_speakers_get_english_replies_and_buttons()
    {
        var (opened, markup) = await _ivan.LastAsync("/deal Ромашка 1.5m machine tools", "en");
        var id = (await LastDealAsync()).Id;
        opened.Should().Be($"💼 Deal #{id} “machine tools” (<b>Ромашка</b>), 1,500,000 ₽ — stage “First contact”");
        markup.Should().Contain("🏆 Won").And.Contain("❌ Lost");

        (await _ivan.LastAsync($"/lost {id}", "en")).Text.Should().Contain("Pick a reason");
        (await _ivan.LastAsync($"/won {id} -5", "en")).Text.Should().Contain("couldn't read the amount");
        (await _ivan.LastAsync($"/move {id} Moon", "en")).Text.Should().Contain("has no stage “Moon”");
        (await DealAsync(id)).IsOpen.Should().BeTrue();
    }
}

public sealed class DealTestsOnSqlite() : DealTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DealTestsOnPostgres() : DealTests(TestDatabase.Postgres());
