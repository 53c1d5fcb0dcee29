namespace ChatCrm.Core.Domain.Crm;

/// <summary>Something the company sells, with an optional list price.</summary>
public sealed class Product
{
    public const int MaxNameLength = 200;

    private Product()
    {
        Name = "";
    }

    public long Id { get; private set; }
    public string Name { get; private set; }
    public decimal? Price { get; private set; }
    public bool IsRetired { get; private set; }

    public static Product Create(string name, decimal? price = null)
    {
        var product = new Product { Name = Text.Name(name, MaxNameLength) };
        product.SetPrice(price);
        return product;
    }

    public void Rename(string name) => Name = Text.Name(name, MaxNameLength);

    public void SetPrice(decimal? price) =>
        Price = price is null or > 0 ? price : throw new DomainException(DomainError.AmountNotPositive);

    public void Retire() => IsRetired = true;
}
