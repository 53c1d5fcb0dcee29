using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Pipeline;

public abstract class PipelineTests(TestDatabase database) : IAsyncLifetime
{
    private const long Ivan = 2002;
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ChatCrmApp.StartAsync(database: database);
        await Chat.JoinAsync(_app, Ivan, "manager");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await database.DropAsync();
    }

    [DatabaseTheory]
    [InlineData("ru", "Клиент <b>Ромашка</b> создан")]
    [InlineData("en", "Client <b>Ромашка</b> created")]
    public async Task Control_characters_are_neither_stored_nor_echoed(string language, string expected)
    {
        var ivan = new Chat(_app, Ivan, "Иван\0\u0007", language);

        var said = await ivan.LastAsync("/client Ром\0ашка\u001b, \u00078 900 123-45-67");

        said.Text.Should().Contain(expected);
        said.Text.Should().NotContainAny("\0", "\u0007", "\u001b");
        var client = await ivan.ClientAsync("Ромашка");
        client.Phones.Should().Be("+79001234567");
        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == Ivan))).DisplayName.Should().Be("Иван");
        (await ivan.LastAsync("/card Ромашка")).Text.Should().NotContainAny("\0", "\u0007", "\u001b");
    }

    [DatabaseFact]
    public async Task Telegram_saying_the_user_blocked_the_bot_marks_them_unreachable_until_they_write_again()
    {
        await _app.SendAsync(Updates.Fixture("user-blocked-bot"));

        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == Ivan))).BlockedBot.Should().BeTrue();
        (await _app.QueryAsync(db => db.Audit.AnyAsync(a => a.Action == "user.blocked-bot"))).Should().BeTrue();

        await _app.SendAsync(Updates.Text(Ivan, "/help"));

        (await _app.QueryAsync(db => db.Users.SingleAsync(u => u.TelegramId == Ivan))).BlockedBot.Should().BeFalse();
    }

    [DatabaseFact]
    public async Task A_tap_on_a_message_too_old_to_edit_is_answered_and_the_reply_comes_as_a_new_message()
    {
        var calls = _app.Api.Calls.Count;

        await _app.SendAsync(Updates.Fixture("callback-on-old-message"));

        await _app.Api.WaitForAsync(c => c.Skip(calls).Any(x => x.Method == "answerCallbackQuery"), because: "every callback is answered");
        _app.Api.Calls.Skip(calls).Should().NotContain(c => c.Method == "editMessageText");
    }

    [DatabaseFact]
    public async Task A_tap_on_a_button_the_bot_no_longer_knows_is_answered_as_outdated()
    {
        await _app.SendAsync(Updates.Fixture("callback-query"));

        var answers = await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "answerCallbackQuery"), because: "callback answered");
        answers.Single(c => c.Method == "answerCallbackQuery").Body["text"]!.GetValue<string>().Should().Be("Эта кнопка устарела.");
    }

    [DatabaseFact]
    public async Task A_fixture_command_in_russian_from_a_member_is_routed_and_answered()
    {
        var before = _app.Api.DeliveredTo(Ivan).Count;

        await _app.SendAsync(Updates.Fixture("command-with-bot-suffix"));

        // /deals@chatcrm_bot reaches the /deals handler itself: a new member has no deals yet.
        (await _app.Api.WaitForMessagesAsync(Ivan, before + 1))[^1].Text.Should().Contain("Открытых сделок нет");
    }

    [DatabaseFact]
    public async Task Menu_offers_the_actions_of_the_users_role_as_buttons()
    {
        await _app.SendAsync(Updates.Text(Ivan, "/menu"));
        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/menu"));

        var manager = (await _app.Api.WaitForMessagesAsync(Ivan, 2))[^1].Body["reply_markup"]!.ToJsonString();
        var admin = (await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 2))[^1].Body["reply_markup"]!.ToJsonString();
        manager.Should().Contain("run:tz").And.NotContain("run:users").And.NotContain("run:invite");
        admin.Should().Contain("run:users").And.Contain("run:invite");
    }

    [DatabaseFact]
    public async Task A_menu_button_runs_its_command()
    {
        var before = _app.Api.DeliveredTo(Ivan).Count;

        await _app.SendAsync(Updates.Tap(Ivan, "run:help"));

        (await _app.Api.WaitForMessagesAsync(Ivan, before + 1))[^1].Text.Should().Contain("Команды");
    }

    [DatabaseFact]
    public async Task The_same_update_delivered_again_after_it_was_answered_gets_no_second_reply()
    {
        var update = Updates.Text(Ivan, "/cancel");
        var before = _app.Api.DeliveredTo(Ivan).Count;

        await _app.SendAsync(update);
        await _app.Api.WaitForMessagesAsync(Ivan, before + 1);
        var rows = await _app.CountAsync<OutboxMessage>();
        await _app.SendAsync(update);
        await Task.Delay(300);

        _app.Api.DeliveredTo(Ivan).Should().HaveCount(before + 1);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(rows);
    }

    [DatabaseTheory]
    [InlineData("/help")]
    [InlineData("/today")]
    [InlineData("/cancel")]
    public async Task A_command_that_only_reads_changes_nothing_but_its_reply(string command)
    {
        await _app.SendAsync(Updates.Text(Ivan, command));
        var user = await _app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.TelegramId == Ivan));
        var (audit, outbox, processed) = await _app.QueryAsync(async db =>
            (await db.Audit.CountAsync(), await db.Outbox.CountAsync(), await db.ProcessedUpdates.CountAsync()));

        await _app.SendAsync(Updates.Text(Ivan, command));

        (await _app.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.TelegramId == Ivan))).Should().BeEquivalentTo(user);
        (await _app.QueryAsync(db => db.Audit.CountAsync())).Should().Be(audit);
        (await _app.QueryAsync(db => db.Outbox.CountAsync())).Should().Be(outbox + 1, "one reply");
        (await _app.QueryAsync(db => db.ProcessedUpdates.CountAsync())).Should().Be(processed + 1, "the update is marked done");
    }
}

public sealed class PipelineTestsOnSqlite() : PipelineTests(TestDatabase.Sqlite());

[Postgres]
public sealed class PipelineTestsOnPostgres() : PipelineTests(TestDatabase.Postgres());
