using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string PoolClientCreated(string client, string contacts, string? segment) =>
        $"✅ Client {Bold(client)} created and put in the pool (no manager)"
        + (segment is null ? "" : $", segment #{Escape(segment)}")
        + (contacts.Length == 0 ? "." : $".\n📇 {Escape(contacts)}")
        + "\nHand it out: /distribute";

    public override string PoolOnlyForHeads(string client) =>
        $"🚫 Client {Bold(client)} not created: only a head puts clients in the pool. "
        + "Create your own client without “pool” at the end; if “pool” is part of the name, quote it: /client \"Aqua Pool\"";

    public override string PoolButton => "🗂 Pool";

    public override string PoolEmpty(string segment) =>
        segment.Length == 0 ? "🗂 The pool is empty: every client has a manager." : $"🗂 No clients of #{Escape(segment)} in the pool.";

    public override string PoolHeader(int total, string segment, int page, int pages)
    {
        var head = segment.Length == 0
            ? $"🗂 <b>Pool</b>: {Plural.En(total, "client", "clients")} without a manager"
            : $"🗂 <b>Pool, segment #{Escape(segment)}</b>: {Plural.En(total, "client", "clients")}";
        return head + (pages > 1 ? $"\nPage {page} of {pages}, oldest first" : "");
    }

    public override string PoolSegmentCount(string? segment, int count) =>
        $"{count} {(segment is null ? "without a segment" : "in #" + Escape(segment))}";

    public override string PoolLine(int n, string client, string contacts, string? city, string? segment, string age) =>
        $"{n}. {Bold(client)}"
        + (contacts.Length == 0 ? "" : $" — {Escape(contacts)}")
        + (city is null ? "" : $", {Escape(city)}")
        + (segment is null ? "" : $" #{Escape(segment)}")
        + $" · added {Escape(age)}";

    public override string PoolHint(bool head, bool canTake) =>
        head ? "A number opens the card. 🎲 hands the pool out to the managers by load (/distribute), /assign gives one client."
        : canTake ? "🙋 with a number takes the client (or /take &lt;client&gt;)."
        : "";

    public override string PoolDistributeButton => "🎲 Hand out";

    public override string PoolClosed() =>
        "🔒 The pool is closed: clients can be taken from it once a head allows it (/settings pool on).";

    public override string PoolClientNotFound(string query) => $"🔍 No client “{Escape(query)}” in the pool. The list: /pool";

    public override string ClientTaken(string client, string contacts) =>
        $"🙋 Client {Bold(client)} is yours now" + (contacts.Length == 0 ? "." : $".\n📇 {Escape(contacts)}") + "\nUndo: /undo";

    public override string AlreadyTaken(string? by) =>
        by is null ? "⏱ This client is no longer in the pool." : $"⏱ {Escape(by)} has already taken this client.";

    public override string AlreadyYours(string client) => $"Client {Bold(client)} is already yours.";

    protected override string TakeUndoFormat => "client “{0}” taken from the pool";

    public override string OnOff(bool on) => on ? "on" : "off";

    public override string PoolSettingAsk(string label) => $"{Escape(label)}: on or off?";

    public override string ProspectsNames(IReadOnlyList<string> names, int more) =>
        string.Join("\n", names.Select(n => "• " + Escape(n))) + (more > 0 ? $"\n… and {more} more" : "");

    protected override void AddPoolDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["pool"] = new("the pool: clients without a manager, by segment",
            "/pool [#segment] — oldest first, 🎲 hands them out; for a manager when a head has opened the pool (/settings pool on), with 🙋 to take one. "
            + "Put a client in the pool: /client &lt;name&gt; … pool",
            "/pool #retail");
        docs["take"] = new("take a client from the pool",
            "/take &lt;client&gt; — when a head has opened the pool (/settings pool on); first come, first served",
            "/take Acme");
    }
}
