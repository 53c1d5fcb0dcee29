namespace ChatCrm.Bot.Data;

/// <summary>
/// One change a user may take back with /undo within ten minutes. <see cref="Kind"/> names the
/// handler that knows how to revert it; <see cref="Data"/> is what that handler needs (JSON).
/// </summary>
public sealed class UndoEntry
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The kind of a change that cannot be undone: it is recorded so that /undo stops at it.</summary>
    public const string Irreversible = "irreversible";

    private UndoEntry()
    {
        Kind = "";
        Data = "";
        Description = "";
    }

    public long Id { get; private set; }
    public long UserId { get; private set; }
    public string Kind { get; private set; }
    public string Data { get; private set; }

    /// <summary>What the change was, in the user's language, for «↩️ Отменено: …».</summary>
    public string Description { get; private set; }
    public DateTime At { get; private set; }
    public DateTime? UndoneAt { get; private set; }

    /// <summary>Descriptions quote names and values the user typed; a long one is shortened, never refused by the database.</summary>
    public const int MaxDescriptionLength = 500;

    public static UndoEntry Record(long userId, string kind, string data, string description, DateTime nowUtc) =>
        new()
        {
            UserId = userId,
            Kind = kind,
            Data = data,
            Description = description.Length <= MaxDescriptionLength ? description : description[..(MaxDescriptionLength - 1)] + "…",
            At = nowUtc,
        };

    public bool CanUndoAt(DateTime nowUtc) => UndoneAt is null && nowUtc - At <= Window;

    public void MarkUndone(DateTime nowUtc) => UndoneAt = nowUtc;
}
