using ChatCrm.Bot.Outbox;
using ChatCrm.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatCrm.Bot.Tests.Outbox;

/// <summary>
/// When the sender reads new rows. On a send clock that moves only when the test moves it, so that "at once" and "after
/// the 200 ms gap between reads" are told apart exactly, not by a stopwatch.
/// </summary>
public sealed class SenderReadsTests : IAsyncLifetime
{
    private const long Waiting = 50_101;
    private const long Newcomer = 50_102;
    private readonly FakeTimeProvider _sendClock = new(DateTimeOffset.UtcNow);
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync(sendClock: _sendClock);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_reply_goes_out_at_its_slot_while_another_chat_waits_out_its_second()
    {
        // Two messages to one chat: the first goes, the second waits a second for that chat (the clock stands still).
        await _app.ExecuteAsync(async services =>
        {
            var outbox = services.GetRequiredService<OutboxWriter>();
            outbox.Message(Waiting, "первое", "test:first", OutboxMessage.PriorityReply);
            outbox.Message(Waiting, "второе", "test:second", OutboxMessage.PriorityReply);
            await services.GetRequiredService<Data.ChatCrmDbContext>().SaveChangesAsync();
        });
        await _app.Api.WaitForMessagesAsync(Waiting);

        // Someone else writes; past the next 36 ms slot, well inside the 200 ms the sender once waited between reads.
        (await _app.PostUpdateAsync(Updates.Text(Newcomer, "/start"))).EnsureSuccessStatusCode();
        _sendClock.Advance(TimeSpan.FromMilliseconds(40));

        await _app.Api.WaitForMessagesAsync(Newcomer, timeout: TimeSpan.FromSeconds(10));
        _app.Api.Calls.Count(c => c.Method == "sendMessage" && c.ChatId == Waiting).Should().Be(1, "the other chat's second message still waits for its second");
    }
}
