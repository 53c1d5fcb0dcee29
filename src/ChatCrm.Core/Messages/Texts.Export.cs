using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    public abstract string ExportAskKind();
    public abstract string ExportUnknownKind(string word);
    public abstract string ExportAskPeriod(string kindName);
    public abstract string ExportAllTimeButton { get; }

    /// <summary>The period an export without one covers, in the caption: «за всё время».</summary>
    public abstract string ExportAllTime { get; }

    public abstract string ExportOnlyOwn();

    /// <param name="filter">The period and the narrowing in words: «ноябрь 2026, Иван».</param>
    public abstract string ExportEmpty(string kindName, string filter);

    public abstract string ExportCaption(string kindName, int rows, string filter);

    public abstract string ExportTooLarge(string kindName, int rows, int megabytes, int limitMegabytes);

    /// <summary>The kind as a button and a caption say it: «Сделки».</summary>
    public string ExportKindName(ExportKind kind) => ExportKindNames[kind];

    /// <summary>A sheet's column headers, in the order the rows give their cells.</summary>
    public IReadOnlyList<string> ExportHeaders(ExportKind kind) => ExportHeaderTable[kind];

    public string ExportStatus(DealStatus status) => ExportDealStatuses[status];

    public string ExportStatus(TouchStatus status) => ExportTouchStatuses[status];

    // Plain cell text, not messages: kept out of the rendered-message test by being protected tables.
    protected abstract IReadOnlyDictionary<ExportKind, string> ExportKindNames { get; }

    protected abstract IReadOnlyDictionary<ExportKind, IReadOnlyList<string>> ExportHeaderTable { get; }

    protected abstract IReadOnlyDictionary<DealStatus, string> ExportDealStatuses { get; }

    protected abstract IReadOnlyDictionary<TouchStatus, string> ExportTouchStatuses { get; }
}
