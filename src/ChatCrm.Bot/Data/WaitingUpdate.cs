namespace ChatCrm.Bot.Data;

/// <summary>
/// An update that arrived faster than its sender's rate and was acknowledged to Telegram: kept here, in arrival
/// order, until the pipeline runs it. Deleted in the same transaction as its effect, so a crash neither loses nor
/// repeats it. <see cref="Json"/> is the update as Telegram.Bot serialises it (<c>JsonBotAPI.Options</c>).
/// </summary>
public sealed class WaitingUpdate
{
    public long Id { get; init; }
    public long UpdateId { get; init; }
    public long SenderTelegramId { get; init; }
    public string Json { get; init; } = "";
    public DateTime ReceivedAt { get; init; }
}
