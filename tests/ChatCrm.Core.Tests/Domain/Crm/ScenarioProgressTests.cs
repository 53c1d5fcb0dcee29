using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Tests.Domain.Crm;

public sealed class ScenarioProgressTests
{
    private const long Stage = 1, Other = 2, Vip = 7, Call = 10, Demo = 11, Email = 12;

    private static readonly ScenarioStep[] All =
    [
        ScenarioStep.Create(Stage, null, 1, Call, 1, true),
        ScenarioStep.Create(Stage, null, 2, Demo, 3, true),
        ScenarioStep.Create(Stage, null, 3, Email, null, false),
        ScenarioStep.Create(Stage, Vip, 1, Demo, 2, true),
        ScenarioStep.Create(Other, null, 1, Call, null, true),
    ];

    [Fact]
    public void A_segment_with_own_steps_uses_them_and_others_use_the_general_ones()
    {
        var (own, isOwn) = ScenarioProgress.StepsFor(All, Stage, Vip);
        isOwn.Should().BeTrue();
        own.Select(s => s.WorkTypeId).Should().Equal(Demo);

        var (general, fallback) = ScenarioProgress.StepsFor(All, Stage, 99);
        fallback.Should().BeFalse();
        general.Select(s => s.WorkTypeId).Should().Equal(Call, Demo, Email);
        ScenarioProgress.StepsFor(All, Stage, null).Steps.Should().HaveCount(3);
    }

    [Fact]
    public void Each_touch_counts_once_for_the_earliest_step_of_its_type()
    {
        var steps = new[] { ScenarioStep.Create(Stage, null, 1, Call, null, true), ScenarioStep.Create(Stage, null, 2, Call, null, true) };
        ScenarioProgress.Of(steps, [Call])!.Done.Should().Be(1);
        ScenarioProgress.Of(steps, [Call, Call, Call])!.Done.Should().Be(2);
    }

    [Fact]
    public void Progress_names_the_next_step_and_the_required_ones_undone()
    {
        var (steps, _) = ScenarioProgress.StepsFor(All, Stage, null);
        var progress = ScenarioProgress.Of(steps, [Demo, Email])!;
        (progress.Done, progress.Total).Should().Be((2, 3));
        progress.Next!.WorkTypeId.Should().Be(Call);
        progress.UndoneRequired.Select(s => s.WorkTypeId).Should().Equal(Call);

        var done = ScenarioProgress.Of(steps, [Call, Demo])!;
        done.Next!.WorkTypeId.Should().Be(Email, "the optional step is still next");
        done.UndoneRequired.Should().BeEmpty();

        ScenarioProgress.Of([], [Call]).Should().BeNull("a stage without a scenario has no progress");
    }

    [Fact]
    public void A_step_is_due_its_days_after_the_stage_was_entered()
    {
        ScenarioProgress.DueDay(All[1], new DateOnly(2026, 12, 1)).Should().Be(new DateOnly(2026, 12, 4));
        ScenarioProgress.DueDay(All[2], new DateOnly(2026, 12, 1)).Should().BeNull();
    }

    [Fact]
    public void The_default_setup_has_a_scenario_for_stages_and_work_types_it_seeds_in_both_languages()
    {
        foreach (var setup in new[] { DefaultSetup.For("ru"), DefaultSetup.For("en") })
        {
            setup.Scenario.Should().NotBeEmpty();
            setup.Scenario.Should().OnlyContain(s => setup.Cycle.Stages.Any(st => st.Name == s.Stage) && setup.WorkTypes.Any(w => w.Code == s.WorkTypeCode));
            setup.Scenario.Select(s => s.Stage).Distinct().Should().HaveCount(setup.Cycle.Stages.Count);
        }
    }
}
