using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class CatalogTests
{
    [Theory]
    [InlineData("Звонок", null, "zvonok")]
    [InlineData("Презентация КП", null, "prezentatsiya_kp")]
    [InlineData("Выезд на объект!", null, "vyezd_na_obekt")]
    [InlineData("Site visit", null, "site_visit")]
    [InlineData("Звонок", "CALL", "call")]
    public void A_work_type_gets_a_command_code_in_latin_letters(string name, string? code, string expected)
    {
        WorkType.Create(name, code).Code.Should().Be(expected);
    }

    [Fact]
    public void A_work_type_code_is_at_most_32_characters()
    {
        var code = WorkType.Create("Очень длинное название вида работы с клиентом").Code;

        code.Should().HaveLength(32).And.Be("ochen_dlinnoe_nazvanie_vida_rabo");
    }

    [Fact]
    public void A_work_type_name_without_letters_or_digits_is_refused()
    {
        var create = () => WorkType.Create("🤝");

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.InvalidCode);
    }

    [Fact]
    public void Renaming_a_work_type_keeps_its_code_so_commands_still_work()
    {
        var type = WorkType.Create("Демо", "demo");

        type.Rename("Демонстрация");

        (type.Code, type.Name).Should().Be(("demo", "Демонстрация"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    public void A_product_price_must_be_positive(decimal price)
    {
        var create = () => Product.Create("Кофемашина", price);

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
    }

    [Fact]
    public void A_product_may_have_no_price()
    {
        var product = Product.Create("Кофемашина", 50_000m);

        product.SetPrice(null);

        product.Price.Should().BeNull();
    }

    [Fact]
    public void Retired_catalog_entries_keep_their_names()
    {
        var reason = LostReason.Create("Цена");
        var segment = Segment.Create("Розница");
        var product = Product.Create("Кофе");

        reason.Retire();
        segment.Retire();
        product.Retire();

        (reason.IsRetired, reason.Name).Should().Be((true, "Цена"));
        (segment.IsRetired, segment.Name).Should().Be((true, "Розница"));
        (product.IsRetired, product.Name).Should().Be((true, "Кофе"));
    }

    [Fact]
    public void A_lost_reason_needs_a_name()
    {
        var create = () => LostReason.Create("");

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NameEmpty);
    }
}
