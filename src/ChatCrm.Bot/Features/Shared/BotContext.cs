using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// Everything a handler needs about the update it is handling: the user, their language and zone,
/// the unit of work, and the ways to answer. All of it commits in one SaveChanges after the handler.
/// </summary>
public sealed class BotContext
{
    private readonly OutboxWriter _outbox;
    private readonly string _keyPrefix;
    private readonly List<Reply>? _toPage;
    private int _messages;

    /// <param name="boardUrl">The board's address (<see cref="WebAppOptions.Url"/>), for the menu button; null when it has none.</param>
    public BotContext(ChatCrmDbContext db, OutboxWriter outbox, User user, Texts texts, long updateId, DateTime nowUtc, string? boardUrl = null)
        : this(db, outbox, user, texts, updateId, nowUtc, $"u:{updateId}:", answersToPage: false, boardUrl)
    {
    }

    /// <param name="keyPrefix">Starts the outbox key of every row this context writes (a web action has no update_id).</param>
    /// <param name="answersToPage">
    /// The action came from the board, not the chat: what would be said to the user in their own chat (a reply, a
    /// question) is kept in <see cref="PageAnswers"/> for the page to show; what is told to others still goes out.
    /// </param>
    /// <param name="boardUrl">The board's address (<see cref="WebAppOptions.Url"/>), for the menu button; null when it has none.</param>
    public BotContext(ChatCrmDbContext db, OutboxWriter outbox, User user, Texts texts, long updateId, DateTime nowUtc, string keyPrefix,
        bool answersToPage, string? boardUrl = null)
    {
        _outbox = outbox;
        _keyPrefix = keyPrefix;
        _toPage = answersToPage ? [] : null;
        Db = db;
        User = user;
        T = texts;
        UpdateId = updateId;
        Now = nowUtc;
        Undo = new UndoRecorder(db, user, nowUtc);
        Audit = new AuditRecorder(db, user, texts, nowUtc, Undo);
        Menus = new Menus(outbox, NextKey, boardUrl);
    }

    public ChatCrmDbContext Db { get; }
    public User User { get; }
    public Texts T { get; }
    public DateTime Now { get; }
    public long UpdateId { get; }
    public long ChatId => User.ChatId;
    public TimeZoneInfo Zone => TimeZones.Find(User.TimeZoneId) ?? TimeZoneInfo.Utc;
    public DateTime LocalNow => TimeZones.ToLocal(Now, Zone);

    /// <summary>What /undo can take back of this update (<c>ctx.Undo.Record(...)</c>).</summary>
    public UndoRecorder Undo { get; }

    /// <summary>Who did what (<c>ctx.Audit.Record(AuditActions.DealWon, ...)</c>); a change also becomes the user's last one for /undo.</summary>
    public AuditRecorder Audit { get; }

    public Menus Menus { get; }

    /// <summary>The message whose button was tapped, when Telegram still lets us edit it.</summary>
    public int? SourceMessageId { get; set; }

    /// <summary>A short toast shown on the tapped button; every callback is answered, with or without it.</summary>
    public string? CallbackToast { get; set; }

    /// <summary>What the user was answered, when the action came from the board (see the constructor).</summary>
    public IReadOnlyList<Reply> PageAnswers => _toPage ?? [];

    /// <summary>Sends a new message to the user.</summary>
    public void Reply(Reply reply)
    {
        if (_toPage is not null)
        {
            _toPage.Add(reply);
        }
        else
        {
            _outbox.Message(ChatId, reply, NextKey());
        }
    }

    /// <summary>Sends the user a file (an XLSX, a CSV) through the outbox.</summary>
    public void SendDocument(byte[] content, string fileName, string? captionHtml) =>
        _outbox.Document(ChatId, content, fileName, captionHtml, NextKey());

    /// <summary>Sends the user a picture (a report's chart, PNG bytes) with a caption, through the outbox.</summary>
    public void SendPhoto(byte[] png, string? captionHtml) =>
        _outbox.Photo(ChatId, png, captionHtml, NextKey());

    /// <summary>Redraws the message whose button was tapped (a pager, a picker); a new message otherwise.</summary>
    public void Show(Reply reply)
    {
        if (SourceMessageId is { } id)
        {
            _outbox.Edit(ChatId, id, reply, NextKey());
        }
        else
        {
            Reply(reply);
        }
    }

    /// <summary>
    /// One handler, two ways in: a button that asked for the result in place (<paramref name="edit"/>) has its message
    /// redrawn; a typed command gets a new message below it.
    /// </summary>
    public void Answer(Reply reply, bool edit)
    {
        if (edit)
        {
            Show(reply);
        }
        else
        {
            Reply(reply);
        }
    }

    /// <summary>Tells another user something (a role change, a hand-over), in their own language.</summary>
    public void Notify(User other, Func<Texts, Reply> compose, Language fallback) =>
        _outbox.Message(other.ChatId, compose(Texts.For(other.LanguageOr(fallback))), NextKey());

    /// <summary>Asks a question whose typed answer comes back to <paramref name="command"/> as arguments.</summary>
    public void Ask(string command, string argsSoFar, Reply question)
    {
        User.StartDialog(command, argsSoFar, Now + Dialogs.Lifetime);
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
        User.StartDialog(command, argsTemplate, Now + Dialogs.Lifetime);
        Reply(new Reply(question, Dialogs.Choices(T, options, perRow)));
    }

    /// <summary>
    /// Every row this update writes gets a key derived from update_id, so even a path that stores no
    /// processed-update marker (a stranger's message) cannot queue the same reply twice.
    /// </summary>
    private string NextKey() => $"{_keyPrefix}{_messages++}";
}
