using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string PlanClosed(string when) => $"✅ and closed the plan for {Escape(when)}";

    public override string WhichDate(string written) => $"Which date is “{Escape(written)}”?";

    public override string DayInNote(string text) => $"📅 The note mentions “{Escape(text)}” — I did not plan anything for it.";

    public override string PlanOnButton(string when) => $"📅 Plan it for {Escape(when)}?";
}
