using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string DealLineAdded(long number, string title, string product) =>
        $"➕ Сделка #{number} «{Clip(title, 100)}»: добавлен {Bold(product)}";

    public override string DealLineRemoved(long number, string title, string product) =>
        $"➖ Сделка #{number} «{Clip(title, 100)}»: убран {Bold(product)}";

    public override string DealLineRow(string product, int quantity, decimal unitPrice, decimal amount, string currency) =>
        $"• {Clip(product)} — {quantity} × {Money(unitPrice, currency)} = {Money(amount, currency)}";

    public override string DealLinesMore(int count) => $"… и ещё {Plural.Ru(count, "позиция", "позиции", "позиций")}";

    public override string DealLinesTotal(decimal amount, string currency) => $"Сумма сделки: <b>{Money(amount, currency)}</b>";

    public override string DealNoLinesLeft(decimal amount, string currency) =>
        $"Товаров на сделке не осталось, сумма — {Money(amount, currency)}.";

    public override string DealLineAskProduct(long number, bool remove) =>
        remove
            ? $"Какой товар убрать со сделки #{number}? Например: /deal {number} - Станок ЧПУ"
            : $"Какой товар добавить в сделку #{number}? Например: /deal {number} + Станок ЧПУ 2 1,5 млн";

    public override string DealLineAskPrice(string product) =>
        $"У товара {Bold(product)} нет цены в каталоге. Какая цена за штуку? Например: 150к";

    public override string DealLineTailUnreadable(string input) =>
        $"⚠️ Не понял «{Escape(input)}». После товара — количество и цена: /deal 42 + Станок 2 1,5 млн. Ничего не сохранено.";

    public override string ProductNotFound(string query, bool anyProducts) =>
        $"⚠️ Товара «{Escape(query)}» нет в каталоге. Ничего не сохранено. "
        + (anyProducts ? "Каталог: /products" : "Каталог пуст — добавьте товар: /product add Станок ЧПУ 1,5 млн");

    public override string WhichProduct(string query) => $"Какой товар — «{Escape(query)}»?";

    public override string DealLineNotOnDeal(long number, string query) =>
        $"На сделке #{number} нет товара «{Escape(query)}». Какой убрать?";

    public override string DealHasNoLines(long number) => $"На сделке #{number} нет товаров — убирать нечего.";

    public override string UndoDealLineAdded(long number) => $"добавление товара в сделку #{number}";

    public override string UndoDealLineRemoved(long number) => $"удаление товара из сделки #{number}";

    public override string ProductPriceLabel => "цена";

    public override string ProductCategoryLabel => "категория";
}
