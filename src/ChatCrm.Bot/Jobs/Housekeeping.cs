using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// Once an hour, forgets what no longer protects anything: processed-update markers older than a week
/// (Telegram redelivers for a day at most), outbox rows sent or failed more than a month ago (their
/// de-duplication keys name days long past), /undo entries a day old (/undo only reaches back ten
/// minutes), and the board's /web codes and browser sessions a day after they expired or ended (they can sign
/// nobody in again; the audit keeps who signed in when). Pending rows are never touched. On SQLite it then refreshes
/// the query planner's statistics where tables changed enough to matter.
/// </summary>
public sealed class Housekeeping(ChatCrmDbContext db)
{
    public static readonly TimeSpan KeepProcessedUpdates = TimeSpan.FromDays(7);
    public static readonly TimeSpan KeepOutbox = TimeSpan.FromDays(30);
    public static readonly TimeSpan KeepUndo = TimeSpan.FromDays(1);
    public static readonly TimeSpan KeepWebSignIns = TimeSpan.FromDays(1);

    public async Task<int> RunAsync(DateTime nowUtc, CancellationToken ct)
    {
        if (nowUtc.Minute != 0)
        {
            return 0;
        }

        var updatesBefore = nowUtc - KeepProcessedUpdates;
        var outboxBefore = nowUtc - KeepOutbox;
        var updates = await db.ProcessedUpdates.Where(p => p.ProcessedAt < updatesBefore).ExecuteDeleteAsync(ct);
        var messages = await db.Outbox
            .Where(m => m.Status != OutboxStatus.Pending && m.CreatedAt < outboxBefore)
            .ExecuteDeleteAsync(ct);
        var undoBefore = nowUtc - KeepUndo;
        var undo = await db.UndoLog.Where(u => u.At < undoBefore).ExecuteDeleteAsync(ct);
        var signInsBefore = nowUtc - KeepWebSignIns;
        var codes = await db.WebLoginCodes.Where(c => c.ExpiresAt < signInsBefore).ExecuteDeleteAsync(ct);
        var sessions = await db.WebSessions.Where(s => s.ExpiresAt < signInsBefore || s.EndedAt < signInsBefore).ExecuteDeleteAsync(ct);
        await PlannerStatistics.RefreshAsync(db, ct);
        return updates + messages + undo + codes + sessions;
    }
}
