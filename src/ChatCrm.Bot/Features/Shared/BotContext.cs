using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// Everything a handler needs about the update it is handling: the user, their language and zone,
/// the unit of work, and the ways to answer. All of it commits in one SaveChanges after the handler.
/// </summary>
public sealed class BotContext(ChatCrmDbContext db, OutboxWriter outbox, User user, Texts texts, long updateId, DateTime nowUtc)
{
    public static readonly TimeSpan DialogLifetime = TimeSpan.FromMinutes(15);
    private int _messages;
    private string? _change;
    private bool _undoable;

    public ChatCrmDbContext Db { get; } = db;
    public User User { get; } = user;
    public Texts T { get; } = texts;
    public DateTime Now { get; } = nowUtc;
    public long UpdateId { get; } = updateId;
    public long ChatId => User.ChatId;
    public TimeZoneInfo Zone => TimeZones.Find(User.TimeZoneId) ?? TimeZoneInfo.Utc;
    public DateTime LocalNow => TimeZones.ToLocal(Now, Zone);

    /// <summary>The message whose button was tapped, when Telegram still lets us edit it.</summary>
    public int? SourceMessageId { get; set; }

    /// <summary>A short toast shown on the tapped button; every callback is answered, with or without it.</summary>
    public string? CallbackToast { get; set; }

    /// <summary>Sends a new message to the user.</summary>
    public void Reply(Reply reply) => outbox.Message(ChatId, reply, NextKey());

    /// <summary>Redraws the message whose button was tapped (a pager, a picker); a new message otherwise.</summary>
    public void Show(Reply reply)
    {
        if (SourceMessageId is { } id)
        {
            outbox.Edit(ChatId, id, reply, NextKey());
        }
        else
        {
            Reply(reply);
        }
    }

    /// <summary>Tells another user something (a role change, a hand-over), in their own language.</summary>
    public void Notify(User other, Func<Texts, Reply> compose, Language fallback) =>
        outbox.Message(other.ChatId, compose(Texts.For(other.LanguageOr(fallback))), NextKey());

    /// <summary>Asks a question whose typed answer comes back to <paramref name="command"/> as arguments.</summary>
    public void Ask(string command, string argsSoFar, Reply question)
    {
        User.StartDialog(command, argsSoFar, Now + DialogLifetime);
        Reply(question);
    }

    /// <summary>
    /// Asks the user to pick one of a few options with buttons. The pick (or a typed answer) fills
    /// <c>{0}</c> in <paramref name="argsTemplate"/> and runs <paramref name="command"/> again, so a
    /// command with a missing or ambiguous argument finishes the way it would have if typed in full.
    /// Option values go into callback data: keep them short (ids, not text).
    /// </summary>
    public void AskChoice(string command, string argsTemplate, string question, IEnumerable<(string Label, string Value)> options, int perRow = 2)
    {
        User.StartDialog(command, argsTemplate, Now + DialogLifetime);
        var rows = options.Select(o => Button.Callback(o.Label, $"{PickPrefix}:{o.Value}")).Chunk(perRow)
            .Select(r => (IReadOnlyList<Button>)r).ToList();
        rows.Add([Button.Callback(T.CancelButton, $"{PickPrefix}:{CancelValue}")]);
        Reply(new Reply(question, rows));
    }

    public const string PickPrefix = "pick";
    public const string CancelValue = "-";

    /// <summary>Lets the user take this change back with /undo for ten minutes.</summary>
    public void RecordUndo(string kind, string data, string description)
    {
        Db.UndoLog.Add(UndoEntry.Record(User.Id, kind, data, description, Now));
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
            Db.UndoLog.Add(UndoEntry.Record(User.Id, UndoEntry.Irreversible, "", description, Now));
        }
    }

    /// <summary>A refused handler's changes were rolled back: nothing of them is left for /undo to speak of.</summary>
    public void ForgetChanges() => (_change, _undoable) = (null, false);

    public void RefreshMenu(User whose, Language fallback) =>
        outbox.CommandMenu(whose.ChatId, CommandTable.MenuFor(whose.Role, Texts.For(whose.LanguageOr(fallback))), NextKey());

    public void Audit(string action, string? subject = null, string? before = null, string? after = null)
    {
        Db.Audit.Add(AuditEntry.Record(User.Id == 0 ? null : User.Id, User.TelegramId, action, Now, subject, before, after));
        if (IsChange(action))
        {
            _change ??= T.ChangeDescription(action, subject, before, after);
        }
    }

    /// <summary>Refusals, undos and a user's own preferences are audited but are not changes /undo would take back.</summary>
    private static bool IsChange(string action) =>
        action is not ("access.denied" or "undo" or "user.language" or "user.timezone" or "user.quiet-hours" or "user.blocked-bot" or "user.unblocked-bot")
        && !action.EndsWith(".undo", StringComparison.Ordinal);

    /// <summary>
    /// Every row this update writes gets a key derived from update_id, so even a path that stores no
    /// processed-update marker (a stranger's message) cannot queue the same reply twice.
    /// </summary>
    private string NextKey() => $"u:{UpdateId}:{_messages++}";
}
