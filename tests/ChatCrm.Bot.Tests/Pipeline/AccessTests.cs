using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Pipeline;

public abstract class AccessTests(TestDatabase database) : IAsyncLifetime
{
    private const long Stranger = 3003;
    private const long Manager = 2002;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync(database: database, clock: _clock);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseTheory]
    [InlineData("/help")]
    [InlineData("hello")]
    [InlineData("/start")]
    [InlineData("/users")]
    public async Task A_stranger_is_politely_refused_and_nothing_of_theirs_is_stored(string text)
    {
        await _app.SendAsync(Updates.Text(Stranger, text, "en", "Mallory", username: "mallory"));

        var replies = await _app.Api.WaitForMessagesAsync(Stranger);
        replies.Single().Text.Should().Contain("private sales CRM").And.Contain("invite");
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.TelegramId == Stranger))).Should().BeFalse();
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(0);
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.ActorTelegramId == Stranger))).Should().Be(0);
        (await _app.QueryAsync(db => db.Outbox.CountAsync(m => m.Payload.Contains("Mallory")))).Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_stranger_tapping_an_old_button_gets_the_refusal_as_the_button_answer()
    {
        await _app.SendAsync(Updates.Tap(Stranger, "users:2", languageCode: "en"));

        var answers = await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "answerCallbackQuery"), because: "callback answered");
        answers.Single(c => c.Method == "answerCallbackQuery").Body["text"]!.GetValue<string>().Should().Contain("private sales CRM");
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.TelegramId == Stranger))).Should().BeFalse();
    }

    [DatabaseFact]
    public async Task An_invite_lets_one_person_in_with_its_role_and_only_once()
    {
        var code = await Chat.InviteAsync(_app, "manager");

        await _app.SendAsync(Updates.Text(Manager, $"/start {code}", "ru", "Иван", "Петров", "ivan_sales"));
        await _app.SendAsync(Updates.Text(Stranger, $"/start {code}", "en", "John"));

        (await _app.Api.WaitForMessagesAsync(Manager)).Single().Text.Should().Contain("Добро пожаловать").And.Contain("Иван Петров");
        (await _app.Api.WaitForMessagesAsync(Stranger)).Single().Text.Should().Contain("already been used");
        var joined = await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == Manager));
        joined.Role.Should().Be(Role.Manager);
        joined.Username.Should().Be("ivan_sales");
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.TelegramId == Stranger))).Should().BeFalse();
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "user.joined" && a.After == "manager"))).Should().BeTrue();
    }

    [DatabaseFact]
    public async Task The_invite_link_is_a_deep_link_to_the_bot()
    {
        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "getMe"), because: "the bot learns its username");
        await Task.Delay(100);

        await Chat.InviteAsync(_app, "head");

        _app.Api.DeliveredTo(ChatCrmApp.AdminId)[^1].Text.Should().MatchRegex(@"https://t\.me/chatcrm_bot\?start=[A-Za-z0-9]{16}");
    }

    [DatabaseFact]
    public async Task An_expired_invite_lets_nobody_in()
    {
        var code = await Chat.InviteAsync(_app, "manager");
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        await _app.SendAsync(Updates.Text(Manager, $"/start {code}", "ru"));

        (await _app.Api.WaitForMessagesAsync(Manager)).Single().Text.Should().Contain("Срок этого приглашения истёк");
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.TelegramId == Manager))).Should().BeFalse();
    }

    [DatabaseFact]
    public async Task A_made_up_invite_code_lets_nobody_in()
    {
        await _app.SendAsync(Updates.Fixture("start-deep-link"));

        (await _app.Api.WaitForMessagesAsync(Stranger)).Single().Text.Should().Contain("There is no such invite");
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.TelegramId == Stranger))).Should().BeFalse();
    }

    public static TheoryData<string> AdminOnlyCommands => new() { "/users", "/role", "/role @x head", "/deactivate", "/deactivate @x" };

    [DatabaseTheory]
    [MemberData(nameof(AdminOnlyCommands))]
    public async Task A_manager_is_refused_admin_commands_and_the_attempt_is_audited(string command)
    {
        await Chat.JoinAsync(_app, Manager, "manager");

        await _app.SendAsync(Updates.Text(Manager, command, "en"));

        var reply = (await _app.Api.WaitForMessagesAsync(Manager, 2))[^1];
        reply.Text.Should().Contain("is for the admin role");
        var denied = await _app.QueryAsync(db => db.Audit.Where(a => a.Action == "access.denied").ToListAsync());
        denied.Should().ContainSingle().Which.Subject.Should().Be(command.Split(' ')[0]);
    }

    [DatabaseFact]
    public async Task Every_command_in_the_table_is_refused_below_its_role()
    {
        await Chat.JoinAsync(_app, Manager, "manager");
        var aboveManager = CommandTable.Commands.Where(c => c.MinRole > Role.Manager).ToList();
        aboveManager.Should().NotBeEmpty();

        foreach (var command in aboveManager)
        {
            await _app.SendAsync(Updates.Text(Manager, "/" + command.Name, "en"));
        }

        // The replies are read where they are committed: delivering them takes a second each (one chat).
        var replies = await _app.QueryAsync(db => db.Outbox
            .Where(m => m.ChatId == Manager && m.Kind == OutboxKind.Message).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync());
        replies.Skip(1).Should().HaveCount(aboveManager.Count).And.OnlyContain(p => p.Contains("role and above"));
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "access.denied"))).Should().Be(aboveManager.Count);
    }

    [DatabaseFact]
    public async Task A_manager_tapping_an_admin_button_is_refused_and_nothing_changes()
    {
        await Chat.JoinAsync(_app, Manager, "manager");
        var adminRowId = await _app.QueryAsync(db => db.Users.Where(u => u.TelegramId == ChatCrmApp.AdminId).Select(u => u.Id).SingleAsync());

        await _app.SendAsync(Updates.Tap(Manager, $"deact:{adminRowId}:y", languageCode: "en"));

        await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "answerCallbackQuery"), because: "callback answered");
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == ChatCrmApp.AdminId))).IsActive.Should().BeTrue();
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "access.denied" && a.Subject == "deact"))).Should().BeTrue();
    }

    [DatabaseTheory]
    [InlineData("en", "⛔ This button is for the admin role and above.")]
    [InlineData("ru", "⛔ Эта кнопка — для роли «администратор» и выше.")]
    public async Task A_refused_button_is_answered_once_with_a_toast_that_speaks_of_the_button(string language, string toast)
    {
        var manager = await Chat.JoinAsync(_app, Manager, "manager", language: language);
        var adminRowId = await _app.QueryAsync(db => db.Users.Where(u => u.TelegramId == ChatCrmApp.AdminId).Select(u => u.Id).SingleAsync());
        var before = await _app.QueryAsync(db => db.Outbox.MaxAsync(m => m.Id));

        var said = await manager.TapAsync($"deact:{adminRowId}:y");

        said.Should().BeEmpty("the refusal comes once, as the toast");
        var answers = await _app.QueryAsync(db => db.Outbox.Where(m => m.Id > before && m.Kind == OutboxKind.AnswerCallback).Select(m => m.Payload).ToListAsync());
        answers.Select(Toast).Should().Equal(toast);
    }

    [DatabaseTheory]
    [InlineData("en", "⛔ /digest is for the head of sales role and above.")]
    [InlineData("ru", "⛔ Команда /digest доступна роли «руководитель» и выше.")]
    public async Task A_refused_menu_button_names_the_command_it_stands_for_once(string language, string toast)
    {
        var manager = await Chat.JoinAsync(_app, Manager, "manager", language: language);
        var before = await _app.QueryAsync(db => db.Outbox.MaxAsync(m => m.Id));

        var said = await manager.TapAsync("run:digest");

        said.Should().BeEmpty();
        var answers = await _app.QueryAsync(db => db.Outbox.Where(m => m.Id > before && m.Kind == OutboxKind.AnswerCallback).Select(m => m.Payload).ToListAsync());
        answers.Select(Toast).Should().Equal(toast);
    }

    private static string? Toast(string payload) => System.Text.Json.JsonSerializer.Deserialize<CallbackAnswerPayload>(payload)!.Text;

    [DatabaseFact]
    public async Task A_head_cannot_invite_an_admin()
    {
        await Chat.JoinAsync(_app, Manager, "head");

        await _app.SendAsync(Updates.Text(Manager, "/invite admin", "en"));

        (await _app.Api.WaitForMessagesAsync(Manager, 2))[^1].Text.Should().Contain("Only an admin can invite");
        (await _app.QueryAsync(db => db.Invites.CountAsync(i => i.Role == Role.Admin))).Should().Be(0);
    }

    [DatabaseFact]
    public async Task A_group_chat_gets_a_note_to_write_privately_and_no_user_is_stored()
    {
        await _app.SendAsync(Updates.Fixture("group-message"));

        var note = (await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "sendMessage" && x.ChatId == -1001234567890), because: "group note"))
            .Single(c => c.ChatId == -1001234567890);
        note.Text.Should().Contain("@chatcrm_bot").And.Contain("личн");
        (await _app.QueryAsync(db => db.Users.AnyAsync(u => u.TelegramId == 2002))).Should().BeFalse();
    }

    [DatabaseFact]
    public async Task A_group_command_that_arrives_before_getMe_has_answered_still_names_the_bot()
    {
        // Telegram is slow to answer getMe at start, while the webhook already delivers: the note waits for the name.
        var failures = 0;
        await using var app = await ChatCrmApp.StartAsync(arrange: api =>
            api.Behaviour = (method, _) => method == "getMe" && Interlocked.Increment(ref failures) <= 1 ? FakeAnswer.ServerError : null);

        await app.SendAsync(Updates.Fixture("group-message"));

        var note = (await app.Api.WaitForAsync(c => c.Any(x => x.Method == "sendMessage" && x.ChatId == -1001234567890), because: "group note"))
            .Single(c => c.ChatId == -1001234567890);
        note.Text.Should().Contain("@chatcrm_bot");
        failures.Should().BeGreaterThan(1, "the first getMe failed and was retried");
    }

    [DatabaseFact]
    public async Task A_deactivated_user_is_told_so_and_cannot_run_commands()
    {
        await Chat.JoinAsync(_app, Manager, "manager");
        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/deactivate Иван"));
        await _app.Api.WaitForAsync(c => c.Any(x => x.Text?.Contains("Отключить") == true), because: "confirmation asked");
        var id = await _app.QueryAsync(db => db.Users.Where(u => u.TelegramId == Manager).Select(u => u.Id).SingleAsync());
        await _app.SendAsync(Updates.Tap(ChatCrmApp.AdminId, $"deact:{id}:y"));
        await _app.Api.WaitForMessagesAsync(Manager, 2);

        await _app.SendAsync(Updates.Text(Manager, "/help"));

        (await _app.Api.WaitForMessagesAsync(Manager, 3))[^1].Text.Should().Contain("доступ к ChatCrm отключён");
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "user.deactivated"))).Should().BeTrue();
    }
}

public sealed class AccessTestsOnSqlite() : AccessTests(TestDatabase.Sqlite());

[Postgres]
public sealed class AccessTestsOnPostgres() : AccessTests(TestDatabase.Postgres());
