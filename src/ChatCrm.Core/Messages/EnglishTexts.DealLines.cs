using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string DealLineAdded(long number, string title, string product) =>
        $"➕ Deal #{number} “{Clip(title, 100)}”: added {Bold(product)}";

    public override string DealLineRemoved(long number, string title, string product) =>
        $"➖ Deal #{number} “{Clip(title, 100)}”: removed {Bold(product)}";

    public override string DealLineRow(string product, int quantity, decimal unitPrice, decimal amount, string currency) =>
        $"• {Clip(product)} — {quantity} × {Money(unitPrice, currency)} = {Money(amount, currency)}";

    public override string DealLinesMore(int count) => $"… and {Plural.En(count, "more line", "more lines")}";

    public override string DealLinesTotal(decimal amount, string currency) => $"Deal amount: <b>{Money(amount, currency)}</b>";

    public override string DealNoLinesLeft(decimal amount, string currency) =>
        $"No products are left on the deal; the amount is {Money(amount, currency)}.";

    public override string DealLineAskProduct(long number, bool remove) =>
        remove
            ? $"Which product should come off deal #{number}? For example: /deal {number} - CNC machine"
            : $"Which product should go on deal #{number}? For example: /deal {number} + CNC machine 2 1.5m";

    public override string DealLineAskPrice(string product) =>
        $"{Bold(product)} has no price in the catalogue. What is the price of one? For example: 150k";

    public override string DealLineTailUnreadable(string input) =>
        $"⚠️ I couldn't read “{Escape(input)}”. After the product come the quantity and the price: /deal 42 + CNC machine 2 1.5m. Nothing was saved.";

    public override string ProductNotFound(string query, bool anyProducts) =>
        $"⚠️ There is no product “{Escape(query)}” in the catalogue. Nothing was saved. "
        + (anyProducts ? "Catalogue: /products" : "The catalogue is empty — add a product: /product add CNC machine 1.5m");

    public override string WhichProduct(string query) => $"Which product is “{Escape(query)}”?";

    public override string DealLineNotOnDeal(long number, string query) =>
        $"Deal #{number} has no product “{Escape(query)}”. Which one should come off?";

    public override string DealHasNoLines(long number) => $"Deal #{number} has no products — nothing to remove.";

    public override string UndoDealLineAdded(long number) => $"adding a product to deal #{number}";

    public override string UndoDealLineRemoved(long number) => $"removing a product from deal #{number}";

    public override string ProductPriceLabel => "price";

    public override string ProductCategoryLabel => "category";
}
