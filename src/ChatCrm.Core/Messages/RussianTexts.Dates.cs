using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string PlanClosed(string when) => $"✅ и закрыт план на {Escape(when)}";

    public override string WhichDate(string written) => $"«{Escape(written)}» — это какая дата?";

    public override string DayInNote(string text) => $"📅 В заметке есть дата «{Escape(text)}» — в план я её не ставил.";

    public override string PlanOnButton(string when) => $"📅 Запланировать на {Escape(when)}?";
}
