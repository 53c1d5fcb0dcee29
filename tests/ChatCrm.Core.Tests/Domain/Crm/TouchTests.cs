using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Tests.Domain.Crm.SavedEntities;

namespace ChatCrm.Core.Tests.Domain.Crm;

public class TouchTests
{
    private readonly Client _client = AClient();
    private readonly WorkType _call = ACall();

    [Fact]
    public void LogDone_records_the_touch_and_moves_the_clients_last_touch()
    {
        var at = T0.AddHours(-2);

        var touch = Touch.LogDone(_client, _call, 4, at, " обсудили цену ", T0, dealId: 42);

        touch.Status.Should().Be(TouchStatus.Done);
        (touch.ClientId, touch.WorkTypeId, touch.UserId, touch.DealId).Should().Be((7L, 3L, 4L, (long?)42));
        touch.HappenedAt.Should().Be(at);
        touch.PlannedFor.Should().BeNull();
        touch.Note.Should().Be("обсудили цену");
        touch.CreatedAt.Should().Be(T0);
        _client.LastTouchAt.Should().Be(at);
    }

    [Fact]
    public void A_back_dated_touch_does_not_move_the_last_touch_backwards()
    {
        Touch.LogDone(_client, _call, 4, T0, null, T0);

        Touch.LogDone(_client, _call, 4, T0.AddDays(-3), null, T0);

        _client.LastTouchAt.Should().Be(T0);
    }

    [Fact]
    public void LogDone_refuses_a_touch_in_the_future()
    {
        var log = () => Touch.LogDone(_client, _call, 4, T0.AddMinutes(1), null, T0);

        log.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.DateInFuture);
        _client.LastTouchAt.Should().BeNull();
    }

    [Fact]
    public void A_retired_work_type_cannot_be_logged_or_planned()
    {
        _call.Retire();

        var log = () => Touch.LogDone(_client, _call, 4, T0, null, T0);
        var plan = () => Touch.Plan(_client, _call, 4, T0.AddDays(1), null, T0);

        log.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.WorkTypeRetired);
        plan.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.WorkTypeRetired);
    }

    [Fact]
    public void A_note_of_4000_characters_is_kept_whole()
    {
        var note = new string('з', 4000);

        Touch.LogDone(_client, _call, 4, T0, note, T0).Note.Should().Be(note);
    }

    [Fact]
    public void A_note_longer_than_4000_characters_is_refused_not_cut()
    {
        var log = () => Touch.LogDone(_client, _call, 4, T0, new string('з', 4001), T0);

        log.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NoteTooLong);
    }

    [Fact]
    public void Plan_leaves_the_last_touch_alone()
    {
        var planned = Touch.Plan(_client, _call, 4, T0.AddDays(1), "перезвонить", T0);

        planned.Status.Should().Be(TouchStatus.Planned);
        planned.PlannedFor.Should().Be(T0.AddDays(1));
        planned.HappenedAt.Should().BeNull();
        _client.LastTouchAt.Should().BeNull();
    }

    [Fact]
    public void Complete_turns_a_plan_into_a_touch_and_adds_the_note_below_the_plan()
    {
        var planned = Touch.Plan(_client, _call, 4, T0, "уточнить бюджет", T0.AddDays(-1));

        planned.Complete(_client, T0.AddHours(1), "бюджет есть");

        planned.Status.Should().Be(TouchStatus.Done);
        planned.HappenedAt.Should().Be(T0.AddHours(1));
        planned.CompletedAt.Should().Be(T0.AddHours(1));
        planned.PlannedFor.Should().Be(T0, "plan and fact stay comparable");
        planned.Note.Should().Be("уточнить бюджет\nбюджет есть");
        _client.LastTouchAt.Should().Be(T0.AddHours(1));
    }

    [Fact]
    public void Uncomplete_plans_a_completed_contact_again_for_its_old_time()
    {
        var planned = Touch.Plan(_client, _call, 4, T0, "уточнить бюджет", T0.AddDays(-1));
        planned.Complete(_client, T0.AddHours(1));

        planned.Uncomplete();

        planned.Status.Should().Be(TouchStatus.Planned);
        planned.PlannedFor.Should().Be(T0);
        planned.HappenedAt.Should().BeNull();
        planned.CompletedAt.Should().BeNull();
        planned.Note.Should().Be("уточнить бюджет");
        planned.Complete(_client, T0.AddHours(2));
        planned.Status.Should().Be(TouchStatus.Done, "it can be done again later");
    }

    [Fact]
    public void Uncomplete_of_a_touch_that_was_never_planned_or_is_still_planned_is_a_programming_error()
    {
        var logged = Touch.LogDone(_client, _call, 4, T0, null, T0);
        var planned = Touch.Plan(_client, _call, 4, T0, null, T0);

        ((Action)logged.Uncomplete).Should().Throw<InvalidOperationException>();
        ((Action)planned.Uncomplete).Should().Throw<InvalidOperationException>();
        logged.Status.Should().Be(TouchStatus.Done);
    }

    [Fact]
    public void Complete_refuses_when_the_combined_note_is_too_long()
    {
        var planned = Touch.Plan(_client, _call, 4, T0, new string('п', 3000), T0);

        var complete = () => planned.Complete(_client, T0, new string('ф', 1000));

        complete.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.NoteTooLong);
        planned.Status.Should().Be(TouchStatus.Planned);
    }

    [Fact]
    public void Complete_refuses_a_touch_already_done()
    {
        var done = Touch.LogDone(_client, _call, 4, T0, null, T0);

        var complete = () => done.Complete(_client, T0);

        complete.Should().Throw<DomainException>().Which.Error.Should().Be(DomainError.TouchNotPlanned);
    }

    [Fact]
    public void Complete_with_another_clients_record_is_a_programming_error()
    {
        var planned = Touch.Plan(_client, _call, 4, T0, null, T0);

        var complete = () => planned.Complete(AClient(8, "Василёк"), T0);

        complete.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Reschedule_moves_a_planned_contact()
    {
        var planned = Touch.Plan(_client, _call, 4, T0, null, T0);

        planned.Reschedule(T0.AddDays(3));

        planned.PlannedFor.Should().Be(T0.AddDays(3));
    }

    [Fact]
    public void A_cancelled_contact_cannot_be_rescheduled_cancelled_or_completed()
    {
        var planned = Touch.Plan(_client, _call, 4, T0, null, T0);
        planned.Cancel();

        planned.Status.Should().Be(TouchStatus.Cancelled);
        ((Action)(() => planned.Reschedule(T0.AddDays(1)))).Should().Throw<DomainException>()
            .Which.Error.Should().Be(DomainError.TouchNotPlanned);
        ((Action)planned.Cancel).Should().Throw<DomainException>()
            .Which.Error.Should().Be(DomainError.TouchNotPlanned);
        ((Action)(() => planned.Complete(_client, T0))).Should().Throw<DomainException>()
            .Which.Error.Should().Be(DomainError.TouchNotPlanned);
    }
}
