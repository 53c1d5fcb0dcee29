using System.Net;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Transport;

public sealed class WebhookTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret")]
    [InlineData("test-secret_4")]
    public async Task Wrong_or_missing_secret_is_refused_with_401_and_nothing_is_stored(string? secret)
    {
        using var response = await _app.PostUpdateAsync(Updates.Text(ChatCrmApp.AdminId, "/help"), secret);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(0);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(0);
    }

    [Fact]
    public async Task Registers_the_webhook_with_the_secret_and_the_update_kinds_it_handles()
    {
        var calls = await _app.Api.WaitForAsync(c => c.Any(x => x.Method == "setWebhook"), because: "setWebhook on start");

        var body = calls.First(c => c.Method == "setWebhook").Body;
        body["url"]!.GetValue<string>().Should().Be("https://crm.example.com/telegram/webhook");
        body["secret_token"]!.GetValue<string>().Should().Be(ChatCrmApp.Secret);
        body["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>())
            .Should().BeEquivalentTo("message", "callback_query", "my_chat_member");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"update_id\": \"abc\"}")]
    [InlineData("")]
    public async Task Malformed_bodies_never_get_a_500_and_store_nothing(string body)
    {
        using var response = await _app.PostUpdateAsync(body);

        ((int)response.StatusCode).Should().BeOneOf(200, 400);
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(0);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(0);
    }

    private const string From = """{"id": 1001, "is_bot": false, "first_name": "Анна", "language_code": "ru"}""";
    private const string Private = """{"id": 1001, "first_name": "Анна", "type": "private"}""";
    private const string Bot = """{"id": 7000001, "is_bot": true, "first_name": "ChatCrm"}""";

    /// <summary>Updates Telegram.Bot cannot read, or that lack what their kind needs — all from the configured admin.</summary>
    public static TheoryData<string, string> Structurally_invalid_updates => new()
    {
        { "my_chat_member without new_chat_member.status", Fill("""{"update_id": 11, "my_chat_member": {"chat": PRIVATE, "from": FROM, "date": 1795766880, "old_chat_member": {"user": BOT, "status": "member"}, "new_chat_member": {"user": BOT}}}""") },
        { "forward_origin without type", Fill("""{"update_id": 12, "message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "from": FROM, "text": "/help", "forward_origin": {"date": 1795766880}}}""") },
        { "callback_query without from", Fill("""{"update_id": 13, "callback_query": {"id": "1", "chat_instance": "1", "data": "cmd:help"}}""") },
        { "my_chat_member without from", Fill("""{"update_id": 14, "my_chat_member": {"chat": PRIVATE, "date": 1795766880, "old_chat_member": {"user": BOT, "status": "member"}, "new_chat_member": {"user": BOT, "status": "kicked"}}}""") },
        { "my_chat_member without chat", Fill("""{"update_id": 15, "my_chat_member": {"from": FROM, "date": 1795766880, "old_chat_member": {"user": BOT, "status": "member"}, "new_chat_member": {"user": BOT, "status": "kicked"}}}""") },
        { "my_chat_member without new_chat_member", Fill("""{"update_id": 16, "my_chat_member": {"chat": PRIVATE, "from": FROM, "date": 1795766880}}""") },
        { "message without chat", Fill("""{"update_id": 17, "message": {"message_id": 1, "date": 1795766880, "from": FROM, "text": "/help"}}""") },
        { "plain text without chat", Fill("""{"update_id": 18, "message": {"message_id": 1, "date": 1795766880, "from": FROM, "text": "привет"}}""") },
        { "callback_query without id", Fill("""{"update_id": 19, "callback_query": {"from": FROM, "chat_instance": "1", "data": "cmd:help"}}""") },
        { "callback_query whose message has no chat", Fill("""{"update_id": 20, "callback_query": {"id": "1", "from": FROM, "chat_instance": "1", "data": "cmd:help", "message": {"message_id": 5, "date": 1795766880}}}""") },
        { "a text that is a number", Fill("""{"update_id": 21, "message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "from": FROM, "text": 42}}""") },
        { "an update id beyond 64 bits", Fill("""{"update_id": 99999999999999999999999, "message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "from": FROM, "text": "/help"}}""") },
        { "an update without its id", Fill("""{"message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "from": FROM, "text": "/help"}}""") },
        { "a from without its id", Fill("""{"update_id": 22, "message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "from": {"first_name": "X", "is_bot": false}, "text": "/help"}}""") },
        { "a chat without its type", Fill("""{"update_id": 23, "message": {"message_id": 1, "date": 1795766880, "chat": {"id": 1001}, "from": FROM, "text": "/help"}}""") },
        { "reply_to_message with an origin without type", Fill("""{"update_id": 24, "message": {"message_id": 2, "date": 1795766880, "chat": PRIVATE, "from": FROM, "text": "/help", "reply_to_message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "forward_origin": {"date": 1}}}}""") },
        { "a message that is an array", """{"update_id": 26, "message": []}""" },
        { "a document without its file_id", Fill("""{"update_id": 27, "message": {"message_id": 1, "date": 1795766880, "chat": PRIVATE, "from": FROM, "document": {"file_unique_id": "AgAD1", "file_name": "база.csv", "file_size": 10}}}""") },
    };

    private static string Fill(string body) =>
        body.Replace("FROM", From, StringComparison.Ordinal).Replace("PRIVATE", Private, StringComparison.Ordinal).Replace("BOT", Bot, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Structurally_invalid_updates))]
    public async Task Structurally_invalid_updates_get_400_or_200_and_store_nothing(string what, string body)
    {
        using var response = await _app.PostUpdateAsync(body);

        ((int)response.StatusCode).Should().BeOneOf([200, 400], what);
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(0, what);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(0, what);
    }

    [Fact]
    public async Task An_update_the_locked_database_cannot_commit_gets_503_not_an_apology_and_its_redelivery_takes_effect()
    {
        // Another writer holds the lock past the bot's wait for it (2 s here instead of the default 30), as a crowd of
        // redeliveries can after a restart.
        var folder = Path.Combine(Path.GetTempPath(), "chatcrm-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "locked.db");
        await _app.DisposeAsync();
        _app = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?> { ["ConnectionStrings:ChatCrm"] = $"Data Source={file};Default Timeout=2" });
        var update = Updates.Text(ChatCrmApp.AdminId, "/client Ромашка", updateId: 7001);
        HttpStatusCode refused;
        await using (var locker = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await locker.OpenAsync();
            await using var hold = locker.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE;";
            await hold.ExecuteNonQueryAsync();

            using var response = await _app.PostUpdateAsync(update);
            refused = response.StatusCode;
        }

        refused.Should().Be(HttpStatusCode.ServiceUnavailable, "Telegram delivers again what was not answered 2xx");
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(0, "the update is not marked done");
        _app.Api.Delivered().Should().BeEmpty("no apology for what will still be done");

        using var again = await _app.PostUpdateAsync(update);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.QueryAsync(db => db.Clients.CountAsync(c => c.Name == "Ромашка"))).Should().Be(1);
        (await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId))[^1].Text.Should().Contain("Ромашка");
        await _app.DisposeAsync();
        _app = await ChatCrmApp.StartAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_one_megabyte_body_is_refused_without_a_500()
    {
        var huge = Updates.Text(ChatCrmApp.AdminId, "/help " + new string('x', 1024 * 1024));

        using var response = await _app.PostUpdateAsync(huge);

        ((int)response.StatusCode).Should().BeInRange(400, 499);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(0);
    }

    [Theory]
    [InlineData("channel-post")]
    [InlineData("edited-message")]
    [InlineData("photo-no-text")]
    [InlineData("sticker-no-text")]
    public async Task Update_kinds_from_strangers_or_that_we_ignore_answer_200_and_store_nothing(string fixture)
    {
        using var response = await _app.PostUpdateAsync(Updates.Fixture(fixture));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.CountAsync<ProcessedUpdate>()).Should().Be(0);
        (await _app.QueryAsync(db => db.Users.CountAsync(u => u.TelegramId != ChatCrmApp.AdminId))).Should().Be(0);
    }

    [Fact]
    public async Task An_update_kind_unknown_to_the_library_answers_200()
    {
        using var response = await _app.PostUpdateAsync("""{"update_id": 5, "some_future_kind": {"x": 1}}""");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(0);
    }

    [Fact]
    public async Task The_same_update_posted_twice_has_one_effect_and_one_reply()
    {
        var update = Updates.Text(ChatCrmApp.AdminId, "/lang en", "ru");

        await _app.SendAsync(update);
        await _app.SendAsync(update);

        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId);
        await Task.Delay(300);
        _app.Api.DeliveredTo(ChatCrmApp.AdminId).Should().ContainSingle().Which.Text.Should().Contain("English");
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "user.language"))).Should().Be(1);
    }

    [Fact]
    public async Task The_same_update_posted_concurrently_has_one_effect_and_one_reply()
    {
        var update = Updates.Text(ChatCrmApp.AdminId, "/quiet 22:00-07:00");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _app.PostUpdateAsync(update)));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId);
        await Task.Delay(300);
        _app.Api.DeliveredTo(ChatCrmApp.AdminId).Should().ContainSingle();
        (await _app.QueryAsync(db => db.Audit.CountAsync(a => a.Action == "user.quiet-hours"))).Should().Be(1);
        (await _app.CountAsync<OutboxMessage>()).Should().Be(3, "one reply, the command menu and the menu button for the admin's first message");
    }

    [Fact]
    public async Task A_handler_failure_answers_200_and_apologises_once()
    {
        // The admin row disappears under the handler's feet: a real failure inside the transaction.
        await _app.SendAsync(Updates.Text(ChatCrmApp.AdminId, "/help"));
        await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId);
        await _app.QueryAsync(db => db.Database.ExecuteSqlRawAsync("DROP TABLE Invites"));

        var update = Updates.Text(ChatCrmApp.AdminId, "/invite manager");
        using var first = await _app.PostUpdateAsync(update);
        using var again = await _app.PostUpdateAsync(update);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var messages = await _app.Api.WaitForMessagesAsync(ChatCrmApp.AdminId, 2);
        await Task.Delay(300);
        _app.Api.DeliveredTo(ChatCrmApp.AdminId).Should().HaveCount(2);
        messages[1].Text.Should().Contain("Что-то пошло не так");
    }

    [Fact]
    public async Task Health_reports_the_database_ready()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"database\":\"ready\"");
    }
}
