using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class NormBookTests
{
    private const long Call = 1, Email = 2, Meeting = 3;
    private const long Sales = 10, Logistics = 11;
    private const long Anna = 100, Boris = 101, Vera = 102;

    private static readonly NormBook Book = new(
    [
        TouchNorm.Create(Call, 20, NormPeriod.Day),
        TouchNorm.Create(Email, 5, NormPeriod.Day),
        TouchNorm.Create(Meeting, 3, NormPeriod.Week),
        TouchNorm.Create(Call, 15, NormPeriod.Day, departmentId: Sales),
        TouchNorm.Create(Call, 2, NormPeriod.Day, departmentId: Logistics),
        TouchNorm.Create(Call, 30, NormPeriod.Day, userId: Anna),
        TouchNorm.Create(Meeting, 10, NormPeriod.Day, userId: Anna),
    ], Sales);

    private static IEnumerable<(long, int, NormPeriod)> Of(long user, long? department) =>
        Book.For(user, department).Select(n => (n.WorkTypeId, n.Count, n.Period));

    [Fact]
    public void A_person_override_beats_the_department_which_beats_the_company_per_work_type()
    {
        // Anna (sales, no department set): her own call norm; e-mails from the company; her daily meetings next to the company's weekly ones.
        Of(Anna, null).Should().Equal((Call, 30, NormPeriod.Day), (Email, 5, NormPeriod.Day), (Meeting, 10, NormPeriod.Day), (Meeting, 3, NormPeriod.Week));

        // Boris, also in sales: the sales department's calls, the rest the company's.
        Of(Boris, null).Should().Equal((Call, 15, NormPeriod.Day), (Email, 5, NormPeriod.Day), (Meeting, 3, NormPeriod.Week));
        Of(Boris, Sales).Should().Equal(Of(Boris, null));

        // Vera in logistics gets her department's calls, never the sales department's.
        Of(Vera, Logistics).Should().Equal((Call, 2, NormPeriod.Day), (Email, 5, NormPeriod.Day), (Meeting, 3, NormPeriod.Week));
    }

    [Fact]
    public void Without_a_sales_department_people_without_one_get_the_company_norms()
    {
        var book = new NormBook([TouchNorm.Create(Call, 20, NormPeriod.Day), TouchNorm.Create(Call, 15, NormPeriod.Day, departmentId: Sales)], null);

        book.For(Boris, null).Select(n => n.Count).Should().Equal(20);
    }

    [Fact]
    public void The_expected_figure_is_per_work_type_and_the_stricter_of_a_daily_and_a_weekly_norm()
    {
        // Monday to Friday: Anna's calls 30 × 5, e-mails 5 × 5, meetings max(10 × 5, 3).
        var week = Book.Expected(Anna, null, n => n.ExpectedBetween(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 6)));

        week.Should().BeEquivalentTo(new Dictionary<long, int> { [Call] = 150, [Email] = 25, [Meeting] = 50 });
    }

    [Fact]
    public void A_weekly_norm_asks_a_fifth_a_day_rounded_up()
    {
        NormBook.PerDay(TouchNorm.Create(Meeting, 3, NormPeriod.Week)).Should().Be(1);
        NormBook.PerDay(TouchNorm.Create(Call, 20, NormPeriod.Day)).Should().Be(20);
    }
}
