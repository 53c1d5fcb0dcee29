using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Tests.Matching;

public class ProductReferenceTests
{
    private static readonly ProductCandidate[] Catalogue =
    [
        new(1, "Станок ЧПУ"),
        new(2, "Фрезер ЧПУ"),
        new(3, "Наладка"),
        new(4, "Станок"),
    ];

    [Theory]
    [InlineData("станок чпу 2 1,5 млн", ProductMatchKind.Exact, new long[] { 1 }, "2 1,5 млн")]
    [InlineData("Станок 150к", ProductMatchKind.Exact, new long[] { 4 }, "150к")]
    [InlineData("НАЛАДКА", ProductMatchKind.Exact, new long[] { 3 }, "")]
    [InlineData("наладки 2", ProductMatchKind.Close, new long[] { 3 }, "2")]
    [InlineData("фрезер", ProductMatchKind.Close, new long[] { 2 }, "")]
    [InlineData("чпу", ProductMatchKind.Ambiguous, new long[] { 1, 2 }, "")]
    [InlineData("поставка кофе", ProductMatchKind.NotFound, new long[0], "")]
    [InlineData("150к", ProductMatchKind.NotFound, new long[0], "150к")]
    public void A_product_is_found_by_its_name_or_a_close_one(string text, ProductMatchKind kind, long[] ids, string rest)
    {
        var match = ProductReference.Resolve(text, Catalogue);

        match.Kind.Should().Be(kind);
        match.Ids.Should().Equal(ids);
        match.Rest.Should().Be(rest);
    }

    [Fact]
    public void A_plural_is_close_to_the_one_product_named_so()
    {
        var match = ProductReference.Resolve("станки", [new(1, "Станок ЧПУ"), new(3, "Наладка")]);

        match.Kind.Should().Be(ProductMatchKind.Close);
        match.Id.Should().Be(1);
    }

    [Fact]
    public void An_empty_catalogue_finds_nothing() =>
        ProductReference.Resolve("станок", []).Kind.Should().Be(ProductMatchKind.NotFound);

    [Theory]
    [InlineData("", null, null)]
    [InlineData("2", 2, null)]
    [InlineData("2шт", 2, null)]
    [InlineData("x3", 3, null)]
    [InlineData("2 шт 150к", 2, "150000")]
    [InlineData("2 1,5 млн", 2, "1500000")]
    [InlineData("150к", null, "150000")]
    [InlineData("150000", null, "150000")]
    [InlineData("5000шт", 5000, null)]
    public void The_tail_reads_a_quantity_and_a_price(string text, int? quantity, string? price)
    {
        var tail = LineTailParser.TryParse(text);

        tail.Should().NotBeNull();
        tail!.Quantity.Should().Be(quantity);
        tail.Price.Should().Be(price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("две штуки")]
    [InlineData("2 дорого")]
    [InlineData("-5")]
    public void Anything_else_is_unreadable(string text) => LineTailParser.TryParse(text).Should().BeNull();
}
