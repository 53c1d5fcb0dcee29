namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    /// <summary>A deal command named a client instead of a deal, and the client has several open deals: which one?</summary>
    public abstract string WhichDealOf(string client);

    /// <summary>A deal command named a client who has no open deal; a button below offers to open one.</summary>
    public abstract string NoOpenDealsOf(string client);

    /// <summary>A button naming one open deal: number, title, amount (plain text, not HTML).</summary>
    public virtual string DealChoice(long id, string title, decimal amount, string currency) =>
        string.IsNullOrWhiteSpace(title) ? $"#{id} · {Money(amount, currency)}" : $"#{id} {title} · {Money(amount, currency)}";
}
