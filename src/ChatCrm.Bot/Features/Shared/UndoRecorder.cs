using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// What /undo will find of one update: the change a handler can take back, or, when it made a change it cannot take
/// back, a marker that stops /undo there instead of letting it reach past to an older change.
/// </summary>
public sealed class UndoRecorder(ChatCrmDbContext db, User user, DateTime nowUtc)
{
    private string? _change;
    private bool _undoable;

    /// <summary>Lets the user take this change back with /undo for ten minutes.</summary>
    public void Record(string kind, string data, string description)
    {
        db.UndoLog.Add(UndoEntry.Record(user.Id, kind, data, description, nowUtc));
        _undoable = true;
    }

    /// <summary>
    /// Once the update's handler is done: a change it made that /undo cannot take back still becomes the user's last
    /// change, so /undo says so instead of reaching past it to an older one.
    /// </summary>
    public void RecordIrreversibleChange()
    {
        if (_change is { } description && !_undoable)
        {
            db.UndoLog.Add(UndoEntry.Record(user.Id, UndoEntry.Irreversible, "", description, nowUtc));
        }
    }

    /// <summary>A refused handler's changes were rolled back: nothing of them is left for /undo to speak of.</summary>
    public void ForgetChanges() => (_change, _undoable) = (null, false);

    /// <summary>The audit saw a change; the first one of the update is the one /undo would name.</summary>
    internal void Changed(string description) => _change ??= description;
}
