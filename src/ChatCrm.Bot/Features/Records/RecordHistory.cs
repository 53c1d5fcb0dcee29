using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Records;

/// <summary>
/// The record changes of a client for /history, read from the audit where they are recorded: /edit of its details
/// (and their undo), contact persons added, changed and removed (and their undo), each with when and, if not the asker,
/// by whom. Asked for only for a client the asker may see, so these lines show nothing the card would not.
/// </summary>
/// <remarks>
/// The audit names a client by its name, not its id, so the entries are matched by the client's name since its
/// creation. Where that could mix up two clients — another client bears the same name now — none are shown rather
/// than another client's details; and edits made under a name the client had before a rename are not found. An
/// indexed client id on the audit would make both exact (a schema change for the lead).
/// </remarks>
internal static class RecordHistory
{
    private const int MaxEntries = 500;

    private static readonly string[] Actions =
    [
        EditClient.AuditAction, EditClient.AuditAction + ".undo",
        ManagePersons.AuditAdded, ManagePersons.AuditEdited, ManagePersons.AuditRemoved,
        UndoPersonChange.AuditAction(PersonUndo.Added), UndoPersonChange.AuditAction(PersonUndo.Edited), UndoPersonChange.AuditAction(PersonUndo.Removed),
    ];

    public static async Task<List<(DateTime At, string Line)>> ReadAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        if (await ctx.Db.Clients.AnyAsync(c => c.Name == client.Name && c.Id != client.Id, ct))
        {
            return [];
        }

        var since = client.CreatedAt;
        var name = client.Name;
        var entries = await ctx.Db.Audit
            .Where(a => a.At >= since && a.Subject == name && Actions.Contains(a.Action))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxEntries)
            .ToListAsync(ct);
        var actorIds = entries.Select(a => a.ActorUserId).OfType<long>().Where(id => id != ctx.User.Id).Distinct().ToList();
        var actors = await ctx.Db.Users.Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var t = ctx.T;
        var lines = new List<(DateTime, string)>();
        foreach (var a in entries)
        {
            var when = t.HistoryDate(TimeZones.ToLocal(a.At, ctx.Zone));
            var by = a.ActorUserId is { } id && actors.TryGetValue(id, out var actor) ? actor : null;
            var line = a.Action switch
            {
                EditClient.AuditAction => RecordFields.Parse(a.Before ?? "") is { } field ? t.HistoryEdited(when, ctx.Label(field), a.After ?? "", by) : null,
                EditClient.AuditAction + ".undo" => t.HistoryEditUndone(when, by),
                ManagePersons.AuditAdded => t.HistoryPersonAdded(when, a.After ?? "", by),
                ManagePersons.AuditEdited => t.HistoryPersonEdited(when, a.Before ?? "", a.After ?? "", by),
                ManagePersons.AuditRemoved => t.HistoryPersonRemoved(when, a.Before ?? "", by),
                _ => t.HistoryPersonUndone(when, a.Before ?? "", by),
            };
            if (line is not null)
            {
                lines.Add((a.At, line));
            }
        }

        return lines;
    }
}
