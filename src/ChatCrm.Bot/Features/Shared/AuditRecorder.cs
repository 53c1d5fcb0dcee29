using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>Writes who did what into the audit, and tells /undo when what was done is a change.</summary>
public sealed class AuditRecorder(ChatCrmDbContext db, User user, Texts texts, DateTime nowUtc, UndoRecorder undo)
{
    /// <param name="action">One of <see cref="AuditActions"/>, or a code composed like them.</param>
    public void Record(string action, string? subject = null, string? before = null, string? after = null)
    {
        db.Audit.Add(AuditEntry.Record(user.Id == 0 ? null : user.Id, user.TelegramId, action, nowUtc, subject, before, after));
        if (AuditActions.IsChange(action))
        {
            undo.Changed(texts.ChangeDescription(action, subject, before, after));
        }
    }
}
