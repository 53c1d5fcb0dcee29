namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// A product on a deal: how many, at what price. A deal with lines is worth the sum of their amounts, and the
/// product reports and the pay overrides read won and paid money per product through them.
/// </summary>
public sealed class DealLine
{
    public const int MaxQuantity = 1_000_000;

    private DealLine()
    {
    }

    public long Id { get; private set; }
    public long DealId { get; private set; }
    public long ProductId { get; private set; }
    public int Quantity { get; private set; }

    /// <summary>The price of one, agreed on this deal (the catalogue price unless the manager gave another).</summary>
    public decimal UnitPrice { get; private set; }

    /// <summary><see cref="Quantity"/> × <see cref="UnitPrice"/>, kept so sums run in SQL on both databases.</summary>
    public decimal Amount { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static DealLine Create(Deal deal, Product product, int quantity, decimal unitPrice, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(product);
        if (product.IsRetired)
        {
            throw new DomainException(DomainError.ProductRetired, product.Name);
        }

        CheckQuantity(quantity);
        if (unitPrice <= 0)
        {
            throw new DomainException(DomainError.AmountNotPositive);
        }

        return new DealLine
        {
            DealId = deal.Id,
            ProductId = product.Id,
            Quantity = quantity,
            UnitPrice = unitPrice,
            Amount = decimal.Round(unitPrice * quantity, 2, MidpointRounding.AwayFromZero),
            CreatedAt = nowUtc,
        };
    }

    /// <summary>More (or fewer) of the same product at the same price: the line's quantity, and so its amount, change.</summary>
    internal void SetQuantity(int quantity)
    {
        CheckQuantity(quantity);
        Quantity = quantity;
        Amount = decimal.Round(UnitPrice * quantity, 2, MidpointRounding.AwayFromZero);
    }

    private static void CheckQuantity(int quantity)
    {
        if (quantity is < 1 or > MaxQuantity)
        {
            throw new DomainException(DomainError.QuantityOutOfRange, MaxQuantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
