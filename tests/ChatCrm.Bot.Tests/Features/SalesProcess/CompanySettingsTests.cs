using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCrm.Bot.Tests.Features.SalesProcess;

public sealed class CompanySettingsTests : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private ChatCrmApp _app = null!;
    private Chat _admin = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["Crm:ForgottenAfterDays"] = "9" });
        _admin = Chat.Admin(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<T> ReadAsync<T>(Func<CompanySettings, Data.ChatCrmDbContext, Task<T>> read) =>
        _app.QueryAsync(db => read(CompanySettings.From(_app.Services), db));

    [Fact]
    public async Task Settings_show_the_configured_defaults_and_a_change_is_read_back_by_the_scheduler_api()
    {
        var shown = await _admin.LastAsync("/settings");
        shown.Text.Should().Contain("09:00").And.Contain("18:00").And.Contain("пн 09:30").And.Contain("<b>9</b> (по умолчанию)");
        shown.CallbackData.Should().Contain("set:0");

        (await _admin.LastAsync("/settings morning 8.30")).Text.Should().Contain("09:00").And.Contain("08:30");
        (await _admin.LastAsync("/settings weekly пт 17")).Text.Should().Contain("пт 17:00");
        (await _admin.LastAsync("/settings forgotten 12")).Text.Should().Contain("12");

        (await ReadAsync((s, db) => s.GetMorningPlanAtAsync(db, default))).Should().Be(new TimeOnly(8, 30));
        (await ReadAsync((s, db) => s.GetWeeklyDigestAtAsync(db, default))).Should().Be((DayOfWeek.Friday, new TimeOnly(17, 0)));
        (await ReadAsync((s, db) => s.GetForgottenAfterDaysAsync(db, default))).Should().Be(12);
        (await ReadAsync((s, db) => s.GetDailyDigestAtAsync(db, default))).Should().Be(new TimeOnly(18, 0));
        (await _app.QueryAsync(db => db.Settings.SingleAsync(s => s.Key == "Schedule:WeeklyDigestAt"))).Value.Should().Be("Fri 17:00");
        var audit = await _app.QueryAsync(db => db.Audit.Where(a => a.Action == "setting.changed").OrderBy(a => a.Id).ToListAsync());
        audit.Select(a => (a.Subject, a.Before, a.After)).Should().Equal(
            ("Schedule:MorningPlanAt", "09:00", "08:30"), ("Schedule:WeeklyDigestAt", "Mon 09:30", "Fri 17:00"), ("Crm:ForgottenAfterDays", "9", "12"));
    }

    [Fact]
    public async Task A_bad_value_changes_nothing_and_default_goes_back_to_the_configuration()
    {
        (await _admin.LastAsync("/settings forgotten 0")).Text.Should().Contain("Ничего не изменено");
        (await _admin.LastAsync("/settings morning 25:00")).Text.Should().Contain("Ничего не изменено");
        (await _admin.LastAsync("/settings lunch 13:00")).Text.Should().Contain("Не знаю настройку");
        (await _app.QueryAsync(db => db.Settings.AnyAsync(s => s.UpdatedByUserId != null))).Should().BeFalse("no admin's setting was stored");

        await _admin.SayAsync("/settings digest 19:15");
        (await ReadAsync((s, db) => s.GetDailyDigestAtAsync(db, default))).Should().Be(new TimeOnly(19, 15));
        (await _admin.LastAsync("/settings digest default")).Text.Should().Contain("18:00");
        (await ReadAsync((s, db) => s.GetDailyDigestAtAsync(db, default))).Should().Be(new TimeOnly(18, 0));
    }

    [Fact]
    public async Task A_settings_button_asks_and_the_typed_answer_is_stored()
    {
        await _admin.SayAsync("/settings");
        (await _admin.TapAsync("set:0"))[^1].Text.Should().Contain("Утренний план");
        (await _admin.LastAsync("7:45")).Text.Should().Contain("07:45");
        (await ReadAsync((s, db) => s.GetMorningPlanAtAsync(db, default))).Should().Be(new TimeOnly(7, 45));
    }

    [Fact]
    public async Task The_audit_shows_who_changed_what_before_and_after_newest_first_with_pages()
    {
        for (var i = 1; i <= 12; i++)
        {
            await _app.SendAsync(Updates.Text(Admin, $"/segment add Сегмент {i}"));
        }

        await _app.Api.WaitForMessagesAsync(Admin, 12, TimeSpan.FromSeconds(30));
        var page = await _admin.LastAsync("/audit 12");

        page.Text.Should().Contain("Журнал").And.Contain("стр. 1/2").And.Contain("Анна").And.Contain("segment.added").And.Contain("Сегмент 12");
        page.Text.Should().NotContain("Сегмент 1\n");
        (await _admin.TapAsync("audit:12:2"))[^1].Text.Should().Contain("стр. 2/2").And.Contain("Сегмент 1");
    }
}
