using System.Buffers.Binary;
using System.Globalization;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChatCrm.Bot.Tests.Infrastructure.ScheduleWorld;

namespace ChatCrm.Bot.Tests.Features.Digest;

/// <summary>
/// A hand-computed week in Moscow. Иван: touches on 25 Nov (2), 1 Dec (1) and 2 Dec (3); two calls planned for 2 Dec
/// 15:00 and 16:00, never done; deal A (100 000) and B (50 000) opened on 2 Dec, A moved to qualification the same
/// day; deal C (200 000) opened 22 Nov, qualified 25 Nov, won 2 Dec exactly ten days after opening, invoiced
/// 200 000 due 5 Dec, 30 000 paid on 2 Dec; deal F (40 000) opened 24 Nov, lost 26 Nov to a competitor.
/// Пётр: no touches; deal D (80 000) lost on 2 Dec for the price; deal E (60 000) in the first stage since 20 Nov,
/// its client never touched. Targets for December: Иван 500 000, Пётр 300 000. Norm: 5 calls a day.
/// </summary>
public abstract class DigestTests(TestDatabase database) : IAsyncLifetime
{
    private const string Moscow = "Europe/Moscow";
    private ScheduleWorld _w = null!;
    private User _head = null!;
    private User _ivan = null!;
    private User _petr = null!;
    private long _dealD;
    private long _dealE;

    public async Task InitializeAsync()
    {
        _w = await StartAsync(database: database);
        _head = await _w.UserAsync(3009, Role.Head, Moscow, name: "Ольга");
        _ivan = await _w.UserAsync(3001, Role.Manager, Moscow, name: "Иван");
        _petr = await _w.UserAsync(3002, Role.Manager, Moscow, name: "Пётр");
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _w.DisposeAsync();
        await database.DropAsync();
    }

    private static DateTime M(int month, int day, int hour, int minute = 0) => At(Moscow, 2026, month, day, hour, minute);

    private async Task SeedAsync()
    {
        var a = await _w.ClientAsync("Альфа", _ivan.Id);
        var b = await _w.ClientAsync("Бета", _ivan.Id);
        var c = await _w.ClientAsync("Гамма", _ivan.Id);
        var f = await _w.ClientAsync("Фи", _ivan.Id);
        var d = await _w.ClientAsync("Дельта", _petr.Id);
        var e = await _w.ClientAsync("Эпсилон", _petr.Id);
        await _w.TouchAsync(f, _ivan.Id, M(11, 25, 10));
        await _w.TouchAsync(f, _ivan.Id, M(11, 25, 11));
        await _w.TouchAsync(c, _ivan.Id, M(12, 1, 10));
        await _w.TouchAsync(a, _ivan.Id, M(12, 2, 10));
        await _w.TouchAsync(b, _ivan.Id, M(12, 2, 11));
        await _w.TouchAsync(c, _ivan.Id, M(12, 2, 12));
        await _w.PlanAsync(a, _ivan.Id, M(12, 2, 15));
        await _w.PlanAsync(b, _ivan.Id, M(12, 2, 16));

        var dealA = await _w.DealAsync(a, 100_000, M(12, 2, 9));
        await _w.DealAsync(b, 50_000, M(12, 2, 9, 30));
        var dealC = await _w.DealAsync(c, 200_000, M(11, 22, 14));
        var dealF = await _w.DealAsync(f, 40_000, M(11, 24, 10));
        _dealD = (await _w.DealAsync(d, 80_000, M(11, 20, 10))).Id;
        _dealE = (await _w.DealAsync(e, 60_000, M(11, 20, 10))).Id;
        await _w.ChangeAsync(async db =>
        {
            var stages = await db.Stages.ToDictionaryAsync(s => s.Position);
            var reasons = await db.LostReasons.ToDictionaryAsync(r => r.Name);
            var deals = await db.Deals.ToDictionaryAsync(x => x.Id);
            db.StageChanges.Add(deals[dealA.Id].MoveTo(stages[2], M(12, 2, 13), _ivan.Id));
            db.StageChanges.Add(deals[dealC.Id].MoveTo(stages[2], M(11, 25, 12), _ivan.Id));
            db.StageChanges.Add(deals[dealC.Id].Win(null, M(12, 2, 14), _ivan.Id));
            db.StageChanges.Add(deals[dealF.Id].Lose(reasons["Конкурент"], null, M(11, 26, 10), _ivan.Id));
            db.StageChanges.Add(deals[_dealD].Lose(reasons["Цена"], null, M(12, 2, 11), _petr.Id));
            db.Obligations.Add(Obligation.ExpectPayment(deals[dealC.Id], 200_000, M(12, 5, 18), _ivan.Id, M(12, 2, 14)));
            db.Obligations.Add(Obligation.RecordPayment(deals[dealC.Id], 30_000, M(12, 2, 15), _ivan.Id, M(12, 2, 15)));
            db.Targets.Add(Target.Create(_ivan.Id, new DateTime(2026, 12, 1), 500_000));
            db.Targets.Add(Target.Create(_petr.Id, new DateTime(2026, 12, 1), 300_000));
            db.Norms.Add(TouchNorm.Create((await db.WorkTypes.SingleAsync(w => w.Code == "call")).Id, 5, NormPeriod.Day));
        });
    }

    private Task<DigestData> BuildAsync(DigestKind kind, DateOnly date, DateTime now) =>
        _w.App.QueryAsync(async db =>
        {
            await using var scope = _w.App.Services.CreateAsyncScope();
            var queries = scope.ServiceProvider.GetRequiredService<DigestQueries>();
            return await queries.BuildAsync(DigestPeriods.For(kind, date, TimeZoneInfo.FindSystemTimeZoneById(Moscow), now), 7, CancellationToken.None);
        });

    [DatabaseFact]
    public async Task The_daily_digest_counts_what_each_manager_did_today()
    {
        var d = await BuildAsync(DigestKind.Daily, new DateOnly(2026, 12, 2), M(12, 2, 18));

        d.Managers.Should().BeEquivalentTo(new[]
        {
            new ManagerFigures(_ivan.Id, "Иван", 3, 2, 2, 1, 1, 200_000, 0, [], 30_000, 0, 2),
            new ManagerFigures(_petr.Id, "Пётр", 0, 0, 0, 0, 0, 0, 1, [("Цена", 1)], 0, 1, 0),
        }, o => o.WithStrictOrdering());
        // Each manager's calls against the call norm of 5 a day.
        d.Norms[_ivan.Id].Should().Equal(new NormProgress("call", "Звонок", 3, 5));
        d.Norms[_petr.Id].Should().Equal(new NormProgress("call", "Звонок", 0, 5));
        d.Totals.Should().Be(new PeriodTotals(3, 2, 1, 200_000, 1, 30_000, null));
        d.Lost.Should().Equal(new LostDeal(_dealD, "Дельта", "Пётр", 80_000, "Цена"));
        d.Rotting.Select(r => r.Id).Should().Equal(_dealE);
        d.Funnel.Select(s => (s.Deals, s.Amount)).Should().Equal((2, 110_000m), (1, 100_000m), (0, 0m), (0, 0m), (0, 0m));

        var page = DigestComposer.Pages(Texts.Russian, d, TimeZoneInfo.FindSystemTimeZoneById(Moscow)).Single();
        page.Should().Contain("Ни одного касания: Пётр")
            .And.Contain("#" + _dealD + " Дельта (Пётр) — 80\u00A0000, причина: Цена")
            .And.Contain("«Первый контакт» 12 дней")
            .And.Contain("<b>Иван</b>: касаний 3/2, новых сделок 2, переходов 1, выиграно 1 на 200\u00A0000, проиграно 0, оплачено 30\u00A0000; забытых 0, просрочено 2\n📏 по нормам: 📞 Звонок 3/5")
            .And.Contain("проиграно 1 (Цена)");
        page.IndexOf("Внимание", StringComparison.Ordinal).Should().BeLessThan(page.IndexOf("Менеджеры", StringComparison.Ordinal), "exceptions come first");
    }

    [DatabaseFact]
    public async Task The_weekly_digest_compares_with_the_previous_week()
    {
        var d = await BuildAsync(DigestKind.Weekly, new DateOnly(2026, 12, 7), M(12, 7, 9, 30));

        d.Totals.Should().Be(new PeriodTotals(4, 2, 1, 200_000, 1, 30_000, 10.0));
        d.Totals.WinRate.Should().Be(50);
        d.Norms[_ivan.Id].Should().Equal(new NormProgress("call", "Звонок", 4, 25));
        var w = d.Weekly!;
        w.Previous.Should().Be(new PeriodTotals(2, 1, 0, 0, 1, 0, null));
        w.Previous.WinRate.Should().Be(0);
        w.Conversion.Should().Equal(new StageConversion("Первый контакт", 2, 1), new StageConversion("Квалификация", 1, 1));
        w.WeightedForecast.Should().Be(25_000 + 5_000 + 6_000);
        w.Target.Should().Be(800_000);
        w.Receivables.Should().Be(170_000);
        // Invoiced 200 000 due December 5, paid 30 000: 170 000 owed, all of it overdue on December 7.
        (w.OverdueInvoices, w.OverdueAmount).Should().Be((1, 170_000m));

        var page = DigestComposer.Pages(Texts.English, d, TimeZoneInfo.FindSystemTimeZoneById(Moscow)).Single();
        page.Should().Contain("Week summary — November 30 – December 6")
            .And.Contain("Win rate: 50% (was 0%)")
            .And.Contain("Average deal duration: 10 d (was —)")
            .And.Contain("• Первый контакт: 50% (1 of 2 moved on)")
            .And.Contain("Forecast (weighted pipeline): 36,000 against the month's target 800,000 — 5%")
            .And.Contain("Receivables: 170,000, of which 1 invoice overdue for 170,000");
    }

    [DatabaseFact]
    public async Task The_monthly_digest_compares_with_the_same_days_of_last_month_and_leaves_out_the_days_between()
    {
        // Deal G (70 000): opened 2 Nov, a touch on 3 Nov, won 4 Nov (two days), paid in full on 5 Nov — all within
        // 1–7 Nov, the days the first week of December is compared with. Everything from 20 Nov on (deals C to F
        // opened, F lost, two touches) falls between the two periods and counts in neither.
        var omega = await _w.ClientAsync("Омега", _ivan.Id);
        var dealG = await _w.DealAsync(omega, 70_000, M(11, 2, 10));
        await _w.TouchAsync(omega, _ivan.Id, M(11, 3, 10));
        await _w.ChangeAsync(async db =>
        {
            var deal = await db.Deals.SingleAsync(x => x.Id == dealG.Id);
            db.StageChanges.Add(deal.Win(null, M(11, 4, 10), _ivan.Id));
            db.Obligations.Add(Obligation.RecordPayment(deal, 70_000, M(11, 5, 10), _ivan.Id, M(11, 5, 10)));
        });

        var d = await BuildAsync(DigestKind.Monthly, new DateOnly(2026, 12, 7), M(12, 7, 9, 30));

        d.Totals.Should().Be(new PeriodTotals(4, 2, 1, 200_000, 1, 30_000, 10.0));
        d.Weekly!.Previous.Should().Be(new PeriodTotals(1, 1, 1, 70_000, 0, 70_000, 2.0));
        var page = DigestComposer.Pages(Texts.English, d, TimeZoneInfo.FindSystemTimeZoneById(Moscow)).Single();
        page.Should().Contain("Win rate: 50% (was 100%)").And.Contain("Average deal duration: 10 d (was 2 d)");
    }

    [DatabaseFact]
    public async Task Part_payments_cover_the_earliest_invoice_first_in_what_is_owed_and_overdue()
    {
        // Deal A (Иван) gets two invoices: 60 000 due 1 Dec and 40 000 due 20 Dec, and one payment of 20 000.
        // It covers the earlier invoice first: owed 100 000 − 20 000 = 80 000, of which 60 000 − 20 000 = 40 000 is
        // overdue on 7 Dec. With deal C (200 000 due 5 Dec, 30 000 paid: 170 000 owed and overdue) the week owes
        // 250 000, of which 2 invoices are overdue for 210 000.
        await _w.ChangeAsync(async db =>
        {
            var deal = await db.Deals.SingleAsync(x => x.Title == "Альфа");
            db.Obligations.Add(Obligation.ExpectPayment(deal, 60_000, M(12, 1, 18), _ivan.Id, M(11, 30, 10)));
            db.Obligations.Add(Obligation.ExpectPayment(deal, 40_000, M(12, 20, 18), _ivan.Id, M(11, 30, 10)));
            db.Obligations.Add(Obligation.RecordPayment(deal, 20_000, M(12, 3, 10), _ivan.Id, M(12, 3, 10)));
            await db.SaveChangesAsync();
            Obligation.Settle(await db.Obligations.Where(o => o.DealId == deal.Id).ToListAsync());
        });

        var w = (await BuildAsync(DigestKind.Weekly, new DateOnly(2026, 12, 7), M(12, 7, 9, 30))).Weekly!;

        w.Receivables.Should().Be(250_000);
        (w.OverdueInvoices, w.OverdueAmount).Should().Be((2, 210_000m));
        var page = DigestComposer.Pages(Texts.English, await BuildAsync(DigestKind.Weekly, new DateOnly(2026, 12, 7), M(12, 7, 9, 30)),
            TimeZoneInfo.FindSystemTimeZoneById(Moscow)).Single();
        page.Should().Contain("Receivables: 250,000, of which 2 invoices overdue for 210,000");
    }

    [DatabaseFact]
    public async Task The_scheduled_digest_goes_to_heads_at_six_with_a_chart_and_only_once()
    {
        await _w.TickAsync(M(12, 2, 17, 59));
        (await _w.KeysAsync(_head.ChatId)).Should().NotContain(k => k.StartsWith("digest:", StringComparison.Ordinal));

        await _w.TickAsync(M(12, 2, 18, 0));
        await _w.TickAsync(M(12, 2, 18, 1));

        (await _w.KeysAsync(_head.ChatId)).Where(k => k.StartsWith("digest:", StringComparison.Ordinal))
            .Should().Equal($"digest:{_head.Id}:20261202", $"digest:{_head.Id}:20261202:chart");
        (await _w.KeysAsync(_ivan.ChatId)).Should().NotContain(k => k.StartsWith("digest:", StringComparison.Ordinal), "digests are for heads");
        var photo = await _w.App.Api.WaitForAsync(c => c.Any(x => x.Method == "sendPhoto" && x.ChatId == _head.ChatId), because: "the chart is sent as a photo");
        photo.First(x => x.Method == "sendPhoto" && x.ChatId == _head.ChatId).Body["caption"]!.ToString().Should().Contain("3 открытые сделки");
    }

    [DatabaseFact]
    public async Task Digest_on_demand_sends_the_text_and_the_chart_to_the_head_who_asks()
    {
        _w.Clock.SetUtcNow(M(12, 2, 12));

        await _w.App.SendAsync(Infrastructure.Updates.Text(_head.TelegramId, "/digest"));

        var calls = await _w.App.Api.WaitForAsync(c => c.Any(x => x.Method == "sendPhoto" && x.ChatId == _head.ChatId), because: "the chart");
        calls.Single(x => x.Method == "sendMessage" && x.ChatId == _head.ChatId).Text.Should().Contain("Итоги дня — 2 декабря");
    }

    [DatabaseFact]
    public async Task Digest_with_a_word_it_does_not_know_explains_and_a_manager_may_not_ask()
    {
        await _w.App.SendAsync(Infrastructure.Updates.Text(_head.TelegramId, "/digest вчера"));
        await _w.App.SendAsync(Infrastructure.Updates.Text(_ivan.TelegramId, "/digest"));

        (await _w.App.Api.WaitForMessagesAsync(_head.ChatId))[0].Text.Should().Contain("Не понял «вчера»");
        (await _w.App.Api.WaitForMessagesAsync(_ivan.ChatId))[0].Text.Should().Contain("digest");
        _w.App.Api.Calls.Should().NotContain(c => c.Method == "sendPhoto");
    }

    [DatabaseFact]
    public async Task A_large_team_is_paged_and_every_page_fits_one_message()
    {
        await _w.ChangeAsync(db =>
        {
            for (var i = 0; i < 150; i++)
            {
                db.Users.Add(User.Create(500_000 + i, $"Менеджер с длинным именем номер {i:000}", Role.Manager, Moscow, Joined));
            }

            return Task.CompletedTask;
        });

        var d = await BuildAsync(DigestKind.Daily, new DateOnly(2026, 12, 2), M(12, 2, 18));
        var pages = DigestComposer.Pages(Texts.Russian, d, TimeZoneInfo.FindSystemTimeZoneById(Moscow));

        pages.Should().HaveCountGreaterThan(3).And.OnlyContain(p => p.Length < Reply.MaxLength);
        string.Concat(pages).Should().Contain("номер 000").And.Contain("номер 149");
        var reply = SendDigest.Page(Texts.Russian, pages, 1, DigestKind.Daily, new DateOnly(2026, 12, 2), boardUrl: null);
        reply.Buttons.SelectMany(r => r).Select(b => b.Data).Should().Contain("dg:d:20261202:2");

        _w.Clock.SetUtcNow(M(12, 2, 18, 30));
        await _w.TapAsync(_head.TelegramId, "dg:d:20261202:2");
        var edit = await _w.App.Api.WaitForAsync(c => c.Any(x => x.Method == "editMessageText"), because: "page 2 replaces page 1");
        edit.Single(x => x.Method == "editMessageText").Text.Should().Contain("стр. 2/");
    }

    [DatabaseFact]
    public void The_funnel_chart_is_a_png_of_a_sensible_size_even_for_Cyrillic_and_empty_funnels()
    {
        foreach (var stages in new[] { [new FunnelStage("Первый контакт", 12, 1_200_000), new FunnelStage("Договор", 2, 400_000)], Array.Empty<FunnelStage>() })
        {
            var png = FunnelChart.Render(stages, "Воронка: открытые сделки по этапам", CultureInfo.GetCultureInfo("ru-RU"));

            png.AsSpan(0, 8).ToArray().Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
            System.Text.Encoding.ASCII.GetString(png, 12, 4).Should().Be("IHDR");
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).Should().Be(FunnelChart.Width);
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).Should().Be(FunnelChart.Height);
            png.Length.Should().BeInRange(5_000, 500_000);
        }
    }
}

public sealed class DigestTestsOnSqlite() : DigestTests(TestDatabase.Sqlite());

[Postgres]
public sealed class DigestTestsOnPostgres() : DigestTests(TestDatabase.Postgres());
