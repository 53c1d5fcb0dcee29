using ChatCrm.Core.Messages;

namespace ChatCrm.Core.Tests.Messages;

public sealed class ChangeDescriptionTests
{
    [Fact]
    public void An_audited_change_is_named_in_the_readers_language_with_what_it_touched()
    {
        Texts.Russian.ChangeDescription("client.handover", "Ромашка", "Иван", "Пётр").Should().Be("клиент передан: Ромашка (Иван → Пётр)");
        Texts.English.ChangeDescription("client.handover", "Romashka", "Ivan", "Petr").Should().Be("client handed over: Romashka (Ivan → Petr)");
        Texts.Russian.ChangeDescription("client.assigned", "Лютик", "-", "Пётр").Should().Be("клиент назначен: Лютик (Пётр)");
        Texts.Russian.ChangeDescription("worktype.added", "Визит", null, "Визит").Should().Be("вид работы добавлен: Визит");
        Texts.English.ChangeDescription("invite.created", null, null, null).Should().Be("invite created");
    }

    [Fact]
    public void Machine_values_of_the_audit_are_left_out_of_the_words()
    {
        Texts.Russian.ChangeDescription("client.snoozed", "Ромашка", null, "2 until 2026-12-04T07:00:00.0000000Z").Should().Be("клиент отложен: Ромашка");
        Texts.English.ChangeDescription("user.role", "Petr", "manager", "head").Should().Be("role changed: Petr");
    }

    [Fact]
    public void An_action_without_a_name_is_still_described_by_its_code()
    {
        Texts.Russian.ChangeDescription("report.exported", "июнь", null, null).Should().Be("изменение «report.exported»: июнь");
        Texts.English.ChangeDescription("report.exported", null, null, null).Should().Be("change “report.exported”");
    }
}
