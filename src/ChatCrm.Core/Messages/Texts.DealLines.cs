namespace ChatCrm.Core.Messages;

// Products on deals: /deal 42 + <product> [qty] [price], /deal 42 - <product>, and a product named when a deal opens.
public abstract partial class Texts
{
    /// <summary>The most lines a deal's reply lists; the total always counts all of them.</summary>
    public const int MaxLinesShown = 30;

    public abstract string DealLineAdded(long number, string title, string product);
    public abstract string DealLineRemoved(long number, string title, string product);
    public abstract string DealLineRow(string product, int quantity, decimal unitPrice, decimal amount, string currency);
    public abstract string DealLinesMore(int count);
    public abstract string DealLinesTotal(decimal amount, string currency);
    public abstract string DealNoLinesLeft(decimal amount, string currency);
    public abstract string DealLineAskProduct(long number, bool remove);
    public abstract string DealLineAskPrice(string product);
    public abstract string DealLineTailUnreadable(string input);
    public abstract string ProductNotFound(string query, bool anyProducts);
    public abstract string WhichProduct(string query);
    public abstract string DealLineNotOnDeal(long number, string query);
    public abstract string DealHasNoLines(long number);
    public abstract string UndoDealLineAdded(long number);
    public abstract string UndoDealLineRemoved(long number);

    /// <summary>The words /products puts before a product's price and category («цена 1 500 000 · категория Станки»).</summary>
    public abstract string ProductPriceLabel { get; }
    public abstract string ProductCategoryLabel { get; }
}
