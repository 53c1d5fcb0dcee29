using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string ExportAskKind() => "📤 What to export? Tap a button or type, e.g. /export deals last month";
    public override string ExportUnknownKind(string word) => $"I don't know how to export “{Escape(word)}”. Choose:";
    public override string ExportAskPeriod(string kindName) =>
        $"📤 {Escape(kindName)}: for which period? Tap a button or type: “november”, “last week”, “01.10–31.12”.";
    public override string ExportAllTimeButton => "All time";
    public override string ExportAllTime => "all time";
    public override string ExportOnlyOwn() => "🔒 Managers export only their own data. Yours: /export without a name.";
    public override string ExportEmpty(string kindName, string filter) =>
        $"📭 Nothing to export: no {Escape(kindName.ToLowerInvariant())} — {Escape(filter)}.";
    public override string ExportCaption(string kindName, int rows, string filter) =>
        $"📤 {Bold(kindName)}: {Plural.En(rows, "row", "rows")} — {Escape(filter)}";
    public override string ExportTooLarge(string kindName, int rows, int megabytes, int limitMegabytes) =>
        $"⚠️ {Escape(kindName)}: {Plural.En(rows, "row", "rows")}, the file came to {megabytes} MB — more than Telegram's {limitMegabytes} MB limit. "
        + "Export as CSV (add “csv”) or for a shorter period, e.g. /export deals last month csv";

    protected override IReadOnlyDictionary<ExportKind, string> ExportKindNames { get; } = new Dictionary<ExportKind, string>
    {
        [ExportKind.Clients] = "Clients", [ExportKind.Deals] = "Deals", [ExportKind.Touches] = "Touches", [ExportKind.Payments] = "Payments",
    };

    protected override IReadOnlyDictionary<ExportKind, IReadOnlyList<string>> ExportHeaderTable { get; } = new Dictionary<ExportKind, IReadOnlyList<string>>
    {
        [ExportKind.Clients] =
        [
            "No.", "Name", "Phones", "E-mails", "Segment", "Manager", "City", "Note", "Created", "Last contact", "Next contact",
            "Open deals", "Paid in total",
        ],
        [ExportKind.Deals] =
        [
            "No.", "Client", "Title", "Amount", "Pipeline", "Stage", "Status", "Manager", "Opened", "Closed", "Lost reason",
            "Expected close",
        ],
        [ExportKind.Touches] = ["Date", "Client", "Work type", "Manager", "Status", "Note"],
        [ExportKind.Payments] = ["Date", "Deal", "Client", "Amount", "Manager"],
    };

    protected override IReadOnlyDictionary<DealStatus, string> ExportDealStatuses { get; } = new Dictionary<DealStatus, string>
    {
        [DealStatus.Open] = "open", [DealStatus.Won] = "won", [DealStatus.Lost] = "lost",
    };

    protected override IReadOnlyDictionary<TouchStatus, string> ExportTouchStatuses { get; } = new Dictionary<TouchStatus, string>
    {
        [TouchStatus.Done] = "done", [TouchStatus.Planned] = "planned", [TouchStatus.Cancelled] = "cancelled",
    };

    protected override void AddExportDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["export"] = new("export to Excel or CSV: clients, deals, touches, payments",
            "/export clients|deals|touches|payments [period] [manager | #segment] [csv]\n"
            + "Period: clients created in it, deals opened, touches done or planned, payments received; "
            + "no period — all time. Managers export only their own data.",
            "/export deals last month");
    }
}
