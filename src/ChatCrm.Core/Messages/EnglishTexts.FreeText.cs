using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string FreeTextHeading => "🤖 Here is what I read (nothing saved yet):";

    public override string FreeTextTouchLine(string workType, string client, string note) =>
        $"✅ {Escape(workType)}: <b>{Escape(client)}</b>" + (note.Length > 0 ? $" — “{Escape(note)}”" : "");

    public override string FreeTextPlanLine(string workType, string client, string when) =>
        $"📅 Plan — {Escape(workType)}: <b>{Escape(client)}</b>, " + (when.Length > 0 ? Escape(when) : "I will ask when");

    public override string FreeTextDoButton => "✅ Save";
    public override string FreeTextEditButton => "✏️ Edit";

    public override string FreeTextEditHint =>
        "✏️ Tap a command to copy it, correct it and send it. Or run one with its button:";

    public override string FreeTextDoing => "👌 Saving:";

    public override string FreeTextNoClient =>
        "I could not tell which client. Write it as a command, with the client filled in:";

    public override string FreeTextClientPlaceholder => "Client";
}
