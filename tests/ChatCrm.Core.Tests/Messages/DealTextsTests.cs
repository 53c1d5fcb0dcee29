using ChatCrm.Core.Messages;

namespace ChatCrm.Core.Tests.Messages;

public class DealTextsTests
{
    [Theory]
    [InlineData(150_000, "150 000 ₽", "150,000 ₽")]
    [InlineData(1_500_000.5, "1 500 000,50 ₽", "1,500,000.50 ₽")]
    [InlineData(999, "999 ₽", "999 ₽")]
    public void Money_reads_the_way_each_language_writes_it(decimal amount, string russian, string english)
    {
        Texts.Russian.Money(amount, "RUB").Should().Be(russian);
        Texts.English.Money(amount, "RUB").Should().Be(english);
    }

    [Fact]
    public void Another_currency_is_shown_by_its_code()
    {
        Texts.English.Money(100, "USD").Should().Be("100 USD");
    }

    [Fact]
    public void A_deal_is_always_shown_with_its_number()
    {
        Texts.Russian.DealOpened(42, "Ромашка", "Ромашка", 150_000, "RUB", "Первый контакт", null)
            .Should().Be("💼 Сделка #42 <b>Ромашка</b>, 150 000 ₽ — этап «Первый контакт»");
    }
}
