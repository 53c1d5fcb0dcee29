using ChatCrm.Core.Messages;

namespace ChatCrm.Core.Tests.Messages;

public sealed class ChangeDescriptionTests
{
    [Fact]
    public void An_audited_change_is_named_in_the_readers_language_with_what_it_touched()
    {
        Texts.Russian.ChangeDescription("client.handover", "Ромашка", "Иван", "Пётр").Should().Be("клиент передан: Ромашка (Иван → Пётр)");
        Texts.English.ChangeDescription("client.handover", "Romashka", "Ivan", "Petr").Should().Be("client handed over: Romashka (Ivan → Petr)");
        Texts.Russian.ChangeDescription("worktype.added", "Визит", null, "Визит").Should().Be("вид работы добавлен: Визит");
        Texts.English.ChangeDescription("invite.created", null, null, null).Should().Be("invite created");
        Texts.English.ChangeDescription("target.set", "Ivan", null, "500000").Should().Be("sales target: Ivan (500000)");
    }

    [Fact]
    public void An_action_without_a_name_is_still_described_by_its_code()
    {
        Texts.Russian.ChangeDescription("report.exported", "июнь", null, null).Should().Be("изменение «report.exported»: июнь");
        Texts.English.ChangeDescription("report.exported", null, null, null).Should().Be("change “report.exported”");
    }
}
