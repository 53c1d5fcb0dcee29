using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// A nudge ignored for <see cref="AfterDays"/> days (the client still untouched, still being nudged, not
/// snoozed) goes to every head with the client's recent history and a button to reassign it — once per
/// head per streak, during the head's own working day.
/// </summary>
public sealed class Escalations(ChatCrmDbContext db, ScheduledOutbox outbox)
{
    public const int AfterDays = 3;
    private const int HistoryLines = 3;

    /// <summary>A streak whose last nudge is older than this has ended (the client stopped being forgotten).</summary>
    private static readonly TimeSpan StillNudged = TimeSpan.FromDays(4);

    public static string Key(long clientId, long headId, DateTime streakStartUtc) =>
        $"esc:{clientId}:{headId}:{streakStartUtc.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<int> RunAsync(DateTime nowUtc, IReadOnlyList<Recipient> headsAtWork, IReadOnlyDictionary<long, string> workTypes, CancellationToken ct)
    {
        if (headsAtWork.Count == 0)
        {
            return 0;
        }

        var (ignoredSince, activeSince) = (nowUtc.AddDays(-AfterDays), nowUtc - StillNudged);
        var streaks = await db.ClientNudges
            .Where(n => n.Nudges > 0 && n.FirstNudgedAt <= ignoredSince && n.LastNudgedAt >= activeSince
                && (n.SnoozedUntil == null || n.SnoozedUntil <= nowUtc))
            .Join(db.Clients, n => n.ClientId, c => c.Id, (n, c) => new { Nudge = n, Client = c.Name, c.LastTouchAt, c.OwnerUserId })
            .Where(x => x.OwnerUserId == x.Nudge.OwnerUserId && !(x.LastTouchAt > x.Nudge.FirstNudgedAt))
            .Join(db.Users, x => x.Nudge.OwnerUserId, u => u.Id, (x, u) => new { x.Nudge, x.Client, x.LastTouchAt, Manager = u.DisplayName })
            .ToListAsync(ct);

        var written = 0;
        foreach (var s in streaks.Where(s => s.Nudge.IgnoredFor(AfterDays, s.LastTouchAt, nowUtc)))
        {
            var heads = headsAtWork.Where(h => h.Id != s.Nudge.OwnerUserId).ToList();
            var sent = await outbox.SentAsync(heads.Select(h => Key(s.Nudge.ClientId, h.Id, s.Nudge.FirstNudgedAt)).ToList(), ct);
            var history = await db.Touches.AsNoTracking()
                .Where(a => a.ClientId == s.Nudge.ClientId && a.Status == TouchStatus.Done)
                .OrderByDescending(a => a.HappenedAt).Take(HistoryLines)
                .Select(a => new { At = a.HappenedAt!.Value, a.WorkTypeId, a.Note })
                .ToListAsync(ct);
            foreach (var head in heads.Where(h => !sent.Contains(Key(s.Nudge.ClientId, h.Id, s.Nudge.FirstNudgedAt))))
            {
                var t = head.T;
                var text = new StringBuilder(t.Escalation(s.Client, s.Manager, (int)(nowUtc - s.Nudge.FirstNudgedAt).TotalDays, s.Nudge.Nudges));
                foreach (var a in history)
                {
                    text.Append('\n').Append(t.EscalationTouch(head.ToLocal(a.At), workTypes.GetValueOrDefault(a.WorkTypeId, ""), a.Note));
                }

                if (history.Count == 0)
                {
                    text.Append('\n').Append(t.EscalationNoHistory());
                }

                // No window: its key lets it be written once, so a copy expired at the end of the day would never come again.
                outbox.Message(head.ChatId, new Reply(text.ToString(), [[Button.Callback(t.ReassignButton, HandOverClient.Data(s.Nudge.ClientId))]]),
                    Key(s.Nudge.ClientId, head.Id, s.Nudge.FirstNudgedAt));
                written++;
            }

            if (s.Nudge.EscalatedAt is null)
            {
                s.Nudge.Escalated(nowUtc);
            }
        }

        return (written > 0 || db.ChangeTracker.HasChanges()) && await outbox.CommitAsync(ct) ? written : 0;
    }
}
