using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Writes scheduled messages under de-duplication keys: keys already in the outbox are skipped, and a
/// unique-key refusal at commit (another run or instance got there first) counts as already sent.
/// </summary>
public sealed class ScheduledOutbox(ChatCrmDbContext db, OutboxWriter outbox, OutboxSignal signal, ILogger<ScheduledOutbox> log)
{
    private const int KeysPerQuery = 500;

    public Task<bool> SentAsync(string key, CancellationToken ct) => db.Outbox.AnyAsync(m => m.DedupKey == key, ct);

    /// <summary>Which of these keys were already written (sent or still queued).</summary>
    public async Task<HashSet<string>> SentAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Distinct().Chunk(KeysPerQuery))
        {
            sent.UnionWith(await db.Outbox.Where(m => chunk.Contains(m.DedupKey!)).Select(m => m.DedupKey!).ToListAsync(ct));
        }

        return sent;
    }

    /// <param name="untilUtc">
    /// The end of the message's window: after it the message is no use (a morning plan after the morning, a reminder after
    /// the contact) and is expired unsent. Without one it lives as long as a reply (<c>Outbox:ReplyLifetime</c>).
    /// </param>
    public void Message(long chatId, Reply reply, string key, DateTime? untilUtc = null) =>
        outbox.Message(chatId, reply, key, OutboxMessage.PriorityScheduled, untilUtc);

    public void Photo(long chatId, byte[] png, string? captionHtml, string key, DateTime? untilUtc = null) =>
        outbox.Photo(chatId, png, captionHtml, key, OutboxMessage.PriorityScheduled, untilUtc);

    /// <summary>Commits what was staged; false when a key turned out to be taken, and then nothing of it is kept.</summary>
    public async Task<bool> CommitAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            // Written is done with: a tick that serves a thousand people must not track a thousand rows.
            db.ChangeTracker.Clear();
            signal.Notify();
            return true;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            log.LogInformation("A scheduled message was already written by another run; skipped");
            return false;
        }
    }
}
