using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Settings;

public abstract class SettingsTests(TestDatabase database) : IAsyncLifetime
{
    private const long Admin = ChatCrmApp.AdminId;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync(database: database);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    private async Task<string> SayAsync(string text, string? language = "ru")
    {
        var before = _app.Api.DeliveredTo(Admin).Count;
        await _app.SendAsync(Updates.Text(Admin, text, language));
        return (await _app.Api.WaitForMessagesAsync(Admin, before + 1))[^1].Text!;
    }

    private Task<User> AdminAsync() => _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == Admin));

    [DatabaseTheory]
    [InlineData("ru", "Команды")]
    [InlineData("en-US", "Commands")]
    [InlineData("de", "Команды")]
    [InlineData(null, "Команды")]
    public async Task The_language_follows_Telegram_until_the_user_chooses(string? telegramLanguage, string expected)
    {
        (await SayAsync("/help", telegramLanguage)).Should().Contain(expected);
    }

    [DatabaseFact]
    public async Task Lang_switches_the_language_and_the_command_menu()
    {
        (await SayAsync("/lang en")).Should().Contain("Language: English");
        (await SayAsync("/help")).Should().Contain("Commands");

        var menus = await _app.Api.WaitForAsync(c => c.Count(x => x.Method == "setMyCommands") >= 2, because: "menu refreshed");
        var latest = menus.Last(c => c.Method == "setMyCommands").Body;
        latest["scope"]!["type"]!.GetValue<string>().Should().Be("chat");
        latest["commands"]!.AsArray().Select(c => c!["description"]!.GetValue<string>()).Should().Contain("help on commands");
        (await AdminAsync()).ChosenLanguage.Should().Be(Language.En);
    }

    [DatabaseFact]
    public async Task Lang_without_arguments_offers_buttons_and_a_tap_applies_it()
    {
        await SayAsync("/lang");
        _app.Api.DeliveredTo(Admin)[^1].Body["reply_markup"]!.ToJsonString().Should().Contain("lang:en");

        await _app.SendAsync(Updates.Tap(Admin, "lang:en", messageId: 1234));

        var edit = await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "editMessageText"), because: "the picker is redrawn");
        edit.Single(c => c.Method == "editMessageText").Text.Should().Contain("Language: English");
        _app.Api.Calls.Should().Contain(c => c.Method == "answerCallbackQuery");
    }

    [DatabaseTheory]
    [InlineData("/tz Новосибирск", "Asia/Novosibirsk")]
    [InlineData("/tz Berlin", "Europe/Berlin")]
    [InlineData("/tz new york", "America/New_York")]
    [InlineData("/tz Asia/Vladivostok", "Asia/Vladivostok")]
    [InlineData("/tz +5", "UTC+05:00")]
    [InlineData("/tz UTC-3:30", "UTC-03:30")]
    public async Task Tz_accepts_a_city_a_zone_or_an_offset(string command, string zone)
    {
        (await SayAsync(command)).Should().Contain(zone);
        (await AdminAsync()).TimeZoneId.Should().Be(zone);
    }

    [DatabaseFact]
    public async Task Tz_without_arguments_asks_and_the_next_message_answers()
    {
        (await SayAsync("/tz")).Should().Contain("Europe/Moscow");

        (await SayAsync("Екатеринбург")).Should().Contain("Asia/Yekaterinburg");
        (await AdminAsync()).TimeZoneId.Should().Be("Asia/Yekaterinburg");
    }

    [DatabaseFact]
    public async Task An_unknown_zone_is_explained_and_changes_nothing()
    {
        (await SayAsync("/tz Атлантида")).Should().Contain("Не нашёл часовой пояс «Атлантида»");
        (await AdminAsync()).TimeZoneId.Should().Be("Europe/Moscow");
    }

    [DatabaseFact]
    public async Task Cancel_leaves_the_question_and_the_next_message_is_not_taken_as_an_answer()
    {
        await SayAsync("/tz");
        (await SayAsync("/cancel")).Should().Be("Отменено.");

        (await SayAsync("Berlin")).Should().Contain("Я понимаю команды");
        (await AdminAsync()).TimeZoneId.Should().Be("Europe/Moscow");
        (await SayAsync("/cancel")).Should().Be("Отменять нечего.");
    }

    [DatabaseTheory]
    [InlineData("/quiet 22:00-08:00", "22:00", "08:00")]
    [InlineData("/quiet 21.30–7.15", "21:30", "07:15")]
    public async Task Quiet_hours_are_stored_and_echoed(string command, string from, string to)
    {
        (await SayAsync(command)).Should().Contain($"{from}–{to}");
        var admin = await AdminAsync();
        admin.Quiet.Should().NotBeNull();
        admin.Quiet!.ToString().Should().Be($"{from}–{to}");
    }

    [DatabaseTheory]
    [InlineData("/quiet 25:00-08:00")]
    [InlineData("/quiet вечером")]
    [InlineData("/quiet 10:00-10:00")]
    public async Task Unreadable_quiet_hours_are_explained_and_change_nothing(string command)
    {
        (await SayAsync(command)).Should().Contain("Не понял");
        (await AdminAsync()).Quiet.Should().BeNull();
    }

    [DatabaseFact]
    public async Task Quiet_off_clears_them()
    {
        await SayAsync("/quiet 22:00-08:00");

        (await SayAsync("/quiet off")).Should().Contain("отключены");
        (await AdminAsync()).Quiet.Should().BeNull();
    }

    [DatabaseTheory]
    [InlineData("/help tz", "/tz Новосибирск")]
    [InlineData("/help /invite", "/invite manager")]
    [InlineData("/help nosuch", "Не знаю команду /nosuch")]
    public async Task Help_explains_one_command_with_an_example(string command, string expected)
    {
        (await SayAsync(command)).Should().Contain(expected);
    }

    [DatabaseFact]
    public async Task An_unknown_command_points_to_help()
    {
        (await SayAsync("/frobnicate")).Should().Contain("/help");
    }

    [DatabaseFact]
    public async Task A_command_addressed_with_the_bot_suffix_is_understood()
    {
        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "getMe"), because: "the bot knows its name");
        await Task.Delay(100);

        (await SayAsync("/help@chatcrm_bot")).Should().Contain("Команды");
    }

    [DatabaseFact]
    public async Task A_user_value_like_html_is_escaped_everywhere_it_is_shown()
    {
        await Chat.JoinAsync(_app, 2002, "manager", name: "<b>Evil</b> & Co");

        var list = await SayAsync("/users");

        list.Should().Contain("&lt;b&gt;Evil&lt;/b&gt; &amp; Co").And.NotContain("<b>Evil</b>");
        _app.Api.Delivered().Select(c => c.Body["parse_mode"]?.ToString()).Should().OnlyContain(p => string.Equals(p, "HTML", StringComparison.OrdinalIgnoreCase), "every message is sent in HTML parse mode");
    }

    [DatabaseFact]
    public async Task Role_change_by_buttons_updates_the_user_and_tells_them()
    {
        await Chat.JoinAsync(_app, 2002, "manager", name: "Пётр");
        var id = await _app.QueryAsync(db => db.Users.Where(u => u.TelegramId == 2002).Select(u => u.Id).SingleAsync());

        (await SayAsync("/role Пётр")).Should().Contain("Роль для");
        await _app.SendAsync(Updates.Tap(Admin, $"role:{id}:head"));

        var told = await _app.Api.WaitForMessagesAsync(2002, 2);
        told[^1].Text.Should().Contain("руководитель");
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == 2002))).Role.Should().Be(Role.Head);
        (await _app.QueryAsync(db => db.Audit.SingleAsync(a => a.Action == "user.role"))).After.Should().Be("head");
    }

    [DatabaseFact]
    public async Task An_admin_from_the_settings_cannot_be_demoted_by_command()
    {
        await Chat.JoinAsync(_app, 2002, "admin", name: "Пётр");

        await _app.SendAsync(Updates.Text(2002, "/role Анна manager"));

        (await _app.Api.WaitForMessagesAsync(2002, 2))[^1].Text.Should().Contain("Crm:AdminTelegramIds");
        (await AdminAsync()).Role.Should().Be(Role.Admin);
    }
}

public sealed class SettingsTestsOnSqlite() : SettingsTests(TestDatabase.Sqlite());

[Postgres]
public sealed class SettingsTestsOnPostgres() : SettingsTests(TestDatabase.Postgres());
