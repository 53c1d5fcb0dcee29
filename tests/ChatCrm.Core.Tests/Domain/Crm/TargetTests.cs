using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class TargetTests
{
    [Fact]
    public void A_target_is_kept_for_the_first_day_of_its_month_in_utc()
    {
        var target = Target.Create(4, new DateTime(2026, 3, 17, 15, 30, 0, DateTimeKind.Utc), 1_000_000m);

        target.Month.Should().Be(new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        target.Month.Kind.Should().Be(DateTimeKind.Utc);
        (target.UserId, target.Amount).Should().Be((4L, 1_000_000m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_target_must_be_positive(decimal amount)
    {
        var create = () => Target.Create(4, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), amount);

        create.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.AmountNotPositive);
    }
}
