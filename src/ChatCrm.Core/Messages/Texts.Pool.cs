namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // /client … pool
    public abstract string PoolClientCreated(string client, string contacts, string? segment);
    public abstract string PoolOnlyForHeads(string client);
    public abstract string PoolButton { get; }

    // /pool
    public abstract string PoolEmpty(string segment);
    public abstract string PoolHeader(int total, string segment, int page, int pages);
    public abstract string PoolSegmentCount(string? segment, int count);
    public abstract string PoolLine(int n, string client, string contacts, string? city, string? segment, string age);
    public abstract string PoolHint(bool head, bool canTake);
    public abstract string PoolDistributeButton { get; }
    public string TakeButton(int n) => $"🙋 {n}";

    // /take
    public abstract string PoolClosed();
    public abstract string PoolClientNotFound(string query);
    public abstract string ClientTaken(string client, string contacts);
    public abstract string AlreadyTaken(string? by);
    public abstract string AlreadyYours(string client);
    /// <summary>Plain text, as every undo description: /undo escapes it when it shows it.</summary>
    public string TakeUndoDescription(string client) => string.Format(Culture, TakeUndoFormat, client);

    protected abstract string TakeUndoFormat { get; }

    // /settings pool
    public abstract string OnOff(bool on);
    public abstract string PoolSettingAsk(string label);

    // /distribute: whom each manager got
    public abstract string ProspectsNames(IReadOnlyList<string> names, int more);
}
