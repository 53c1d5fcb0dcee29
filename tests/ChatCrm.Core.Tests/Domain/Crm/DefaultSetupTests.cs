using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class DefaultSetupTests
{
    [Fact]
    public void A_russian_company_starts_with_russian_names()
    {
        var setup = DefaultSetup.For("ru");

        setup.Cycle.Name.Should().Be("Продажи");
        setup.Cycle.Stages.Select(s => s.Name).Should()
            .Equal("Первый контакт", "Квалификация", "Предложение", "Переговоры", "Договор");
        setup.WorkTypes.Select(w => w.Name).Should().Equal("Звонок", "Встреча", "Демо", "Письмо");
        setup.LostReasons.Should().Equal("Цена", "Конкурент", "Нет бюджета", "Нет ответа", "Не подходит");
    }

    [Fact]
    public void An_english_company_starts_with_english_names()
    {
        var setup = DefaultSetup.For("en-US");

        setup.Cycle.Name.Should().Be("Sales");
        setup.Cycle.Stages.Select(s => s.Name).Should()
            .Equal("First contact", "Qualification", "Proposal", "Negotiation", "Contract");
        setup.WorkTypes.Select(w => w.Name).Should().Equal("Call", "Meeting", "Demo", "E-mail");
        setup.LostReasons.Should().Equal("Price", "Competitor", "No budget", "No answer", "Not a fit");
    }

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public void Work_type_codes_are_the_same_in_every_language(Language language)
    {
        DefaultSetup.For(language).WorkTypes.Select(w => w.Code).Should().Equal("call", "meeting", "demo", "email");
    }

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public void Stages_are_ordered_with_rising_probability_and_a_time_limit(Language language)
    {
        var stages = DefaultSetup.For(language).Cycle.Stages;

        stages.Select(s => s.Position).Should().Equal(1, 2, 3, 4, 5);
        stages.Select(s => s.Probability).Should().Equal(10, 25, 50, 70, 90);
        stages.Select(s => s.DaysAllowed).Should().Equal(3, 7, 10, 14, 14);
    }

    [Theory]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public void The_seed_passes_the_entities_own_rules(Language language)
    {
        var setup = DefaultSetup.For(language);

        var build = () =>
        {
            SalesCycle.Create(setup.Cycle.Name, DateTime.UnixEpoch, isDefault: true);
            foreach (var s in setup.Cycle.Stages)
            {
                Stage.Create(1, s.Name, s.Position, s.Probability, s.DaysAllowed);
            }

            foreach (var w in setup.WorkTypes)
            {
                WorkType.Create(w.Name, w.Code).Code.Should().Be(w.Code);
            }

            foreach (var r in setup.LostReasons)
            {
                LostReason.Create(r);
            }
        };

        build.Should().NotThrow();
    }

    [Fact]
    public void An_unknown_language_is_a_configuration_error()
    {
        var pick = () => DefaultSetup.For("de");

        pick.Should().Throw<ArgumentException>();
    }
}
