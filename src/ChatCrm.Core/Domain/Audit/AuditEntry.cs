namespace ChatCrm.Core.Domain.Audit;

/// <summary>Who did what, when — including refusals, so a head can see attempts as well as changes.</summary>
public sealed class AuditEntry
{
    public const int MaxDetailsLength = 2000;

    private AuditEntry()
    {
        Action = "";
    }

    public long Id { get; private set; }
    public long? ActorUserId { get; private set; }
    public long ActorTelegramId { get; private set; }
    public string Action { get; private set; }
    public string? Subject { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public DateTime At { get; private set; }

    public static AuditEntry Record(long? actorUserId, long actorTelegramId, string action, DateTime atUtc,
        string? subject = null, string? before = null, string? after = null) =>
        new()
        {
            ActorUserId = actorUserId,
            ActorTelegramId = actorTelegramId,
            Action = action,
            Subject = Clip(subject),
            Before = Clip(before),
            After = Clip(after),
            At = atUtc,
        };

    private static string? Clip(string? s) => s is { Length: > MaxDetailsLength } ? s[..MaxDetailsLength] : s;
}
