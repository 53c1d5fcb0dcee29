using System.Globalization;

namespace ChatCrm.Core.Messages;

/// <summary>The reference lists admins edit; each has its own words in both languages.</summary>
public enum CatalogKind
{
    WorkType,
    LostReason,
    Segment,
    Product,
}

public abstract partial class Texts
{
    // Money and usage, shared by the process and team screens
    public abstract string UsageLead { get; }

    /// <summary>The lead of the usage line under a list the bare command showed: nothing was misread there.</summary>
    public abstract string SyntaxLead { get; }

    /// <summary>The usage line and example of a command from /help, for a reply to arguments the bot could not read.</summary>
    public string HowToUse(string command) => Usage(command, UsageLead);

    /// <summary>The same under what a bare command shows (its list), without saying anything was not understood.</summary>
    public string HowToWrite(string command) => Usage(command, SyntaxLead);

    private string Usage(string command, string lead) =>
        Docs.TryGetValue(command, out var doc)
            ? $"{lead}\n<code>{doc.Usage}</code>\n{ExampleLabel}: <code>{Html.Escape(doc.Example)}</code>"
            : lead;

    protected static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    // Cycles
    public abstract string PipelinesHeader(int count);
    public abstract string PipelineLine(string name, bool isDefault, int stages, int deals, string amount);
    public abstract string PipelinesFooter();
    public abstract string AskCycleName();
    public abstract string CycleNotFound(string query);
    public abstract string CycleDuplicate(string name);
    public abstract string CycleAdded(string name);
    public abstract string CycleRenamed(string before, string after);
    public abstract string CycleAlreadyDefault(string name);
    public abstract string CycleDefaultSet(string name);

    // The funnel and its stages
    public abstract string FunnelHeader(string cycle, bool isDefault, int openDeals, string total, string weighted);
    public abstract string FunnelLine(int position, string name, int deals, string amount, int probability, int? days, string bar);
    public abstract string FunnelEmpty();
    public abstract string FunnelButton { get; }
    public abstract string AddStageButton { get; }
    public abstract string StageCard(string cycle, string name, int position, int stages, int openDeals, int probability, int? days);
    public abstract string StageUpButton { get; }
    public abstract string StageDownButton { get; }
    public abstract string StageRenameButton { get; }
    public abstract string StageDaysButton { get; }
    public abstract string StageProbabilityButton { get; }
    public abstract string StageRemoveButton { get; }
    public abstract string BackToFunnelButton { get; }
    public abstract string StageAlreadyAtEdge();
    public abstract string AskNewStageName();
    public abstract string AskStageName(string stage);
    public abstract string AskStageDays(string stage, int? current);
    public abstract string AskStageProbability(string stage, int current);
    public abstract string StageNotFound(string query, string cycle);
    public abstract string StageDuplicate(string name, string cycle);
    public abstract string StageAdded(string name, int position, string cycle, int probability, int? days);
    public abstract string StageRenamed(string before, string after);
    public abstract string StagePositionOutside(int position, int stages, string cycle);
    public abstract string StageMoved(string name, int from, int to);
    public abstract string StageDaysSet(string name, int? days);
    public abstract string StageProbabilitySet(string name, int probability);
    public abstract string StageRemoveConfirm(string stage);
    public abstract string AskRemoveTarget(string stage, int deals);
    public abstract string StageRemoved(string name, int moved, string target);

    // Reference lists
    public abstract string CatalogTitle(CatalogKind kind, int count);
    public abstract string CatalogLine(CatalogKind kind, string name, string extra);
    public abstract string CatalogRetiredCount(int count);
    public abstract string CatalogFooter(CatalogKind kind);
    public abstract string CatalogAddButton { get; }
    public abstract string CatalogListButton { get; }
    public abstract string AskCatalogName(CatalogKind kind);
    public abstract string CatalogAdded(CatalogKind kind, string name);
    public abstract string CatalogDuplicate(CatalogKind kind, string name);

    /// <summary>A product's price or category changed; <paramref name="extra"/> is what the list now shows after its name.</summary>
    public abstract string CatalogEdited(CatalogKind kind, string name, string? extra);
    public abstract string CatalogNotFound(CatalogKind kind, string query);
    public abstract string CatalogRemoveConfirm(CatalogKind kind, string name);
    public abstract string CatalogRemoved(CatalogKind kind, string name, bool retired);

    // Company settings
    public abstract string SettingsTitle();
    public abstract string SettingLabel(string key);
    public abstract string SettingLine(string label, string value, bool isDefault);
    public abstract string SettingsFooter();
    public abstract string SettingUnknown(string word);
    public abstract string SettingAsk(string label, string example);
    public abstract string SettingInvalid(string label, string input, string example);
    public abstract string SettingChanged(string label, string before, string after);

    // Audit
    public abstract string AuditEmpty();
    public abstract string AuditHeader(int total, int page, int pages);
    public abstract string AuditLine(DateTime local, string who, string action, string subject, string before, string after);
}
