using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// A reminder shortly before each planned contact, with done / in an hour / reschedule buttons. The key holds
/// the planned time, so a contact moved to another time is reminded about again.
/// </summary>
public sealed class ContactReminders(ChatCrmDbContext db, ScheduledOutbox outbox)
{
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(15);

    /// <summary>A contact whose time has just passed (the bot was restarting) is still worth a reminder.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public static string Key(long touchId, DateTime plannedForUtc) =>
        $"remind:{touchId}:{plannedForUtc.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture)}";

    public async Task<int> RunAsync(DateTime nowUtc, IReadOnlyDictionary<long, Recipient> people, IReadOnlyDictionary<long, string> workTypes, CancellationToken ct)
    {
        var (from, to) = (nowUtc - Grace, nowUtc + Lead);
        var due = await db.Touches.AsNoTracking()
            .Where(a => a.Status == TouchStatus.Planned && a.PlannedFor > from && a.PlannedFor <= to)
            .Join(db.Clients, a => a.ClientId, c => c.Id, (a, c) => new { a.Id, a.UserId, At = a.PlannedFor!.Value, a.WorkTypeId, a.Note, c.Name, c.Phones })
            .ToListAsync(ct);
        var reachable = due.Where(a => people.TryGetValue(a.UserId, out var p) && !Due.IsQuiet(p.Local, p.User.Quiet)).ToList();
        var sent = await outbox.SentAsync(reachable.Select(a => Key(a.Id, a.At)).ToList(), ct);
        var written = 0;
        foreach (var a in reachable.Where(a => !sent.Contains(Key(a.Id, a.At))))
        {
            var r = people[a.UserId];
            var phone = a.Phones.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            var text = r.T.ContactReminder(r.ToLocal(a.At), a.Name, workTypes.GetValueOrDefault(a.WorkTypeId, ""), a.Note, phone);
            outbox.Message(r.ChatId, new Reply(text,
            [
                [Button.Callback("✅", MarkContactDone.Data(a.Id)), Button.Callback(r.T.InHourButton, PostponeContact.Data(a.Id, PostponeContact.ByAnHour))],
                [Button.Callback(r.T.RescheduleButton, RescheduleContact.Data(a.Id))],
            ]), Key(a.Id, a.At), a.At + Grace); // a reminder is no use once the contact's time has passed
            written++;
        }

        return written > 0 && await outbox.CommitAsync(ct) ? written : 0;
    }
}
