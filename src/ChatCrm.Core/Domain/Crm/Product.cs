namespace ChatCrm.Core.Domain.Crm;

/// <summary>Something the company sells, with an optional list price.</summary>
public sealed class Product : NamedItem
{
    public const int MaxNameLength = 200;

    private Product()
        : base(MaxNameLength)
    {
    }

    public const int MaxCategoryLength = 100;

    public decimal? Price { get; private set; }

    /// <summary>An optional group for reports («Станки», «Сервис»); empty means none.</summary>
    public string? Category { get; private set; }

    public static Product Create(string name, decimal? price = null)
    {
        var product = Named(new Product(), name);
        product.SetPrice(price);
        return product;
    }

    public void SetCategory(string? category) =>
        Category = string.IsNullOrWhiteSpace(category) ? null : Text.Name(category, MaxCategoryLength, DomainError.NameTooLong);

    public void SetPrice(decimal? price) =>
        Price = price is null or > 0 ? price : throw new DomainException(DomainError.AmountNotPositive);
}
