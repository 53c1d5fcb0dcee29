using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string FreeTextHeading => "🤖 Понял так (пока ничего не записал):";

    public override string FreeTextTouchLine(string workType, string client, string note) =>
        $"✅ {Escape(workType)}: <b>{Escape(client)}</b>" + (note.Length > 0 ? $" — «{Escape(note)}»" : "");

    public override string FreeTextPlanLine(string workType, string client, string when) =>
        $"📅 План — {Escape(workType)}: <b>{Escape(client)}</b>, " + (when.Length > 0 ? Escape(when) : "когда — спрошу");

    public override string FreeTextDoButton => "✅ Записать";
    public override string FreeTextEditButton => "✏️ Изменить";

    public override string FreeTextEditHint =>
        "✏️ Нажмите на команду, чтобы скопировать, поправьте и отправьте. Или выполните одну кнопкой:";

    public override string FreeTextDoing => "👌 Записываю:";

    public override string FreeTextNoClient =>
        "Не понял, с каким клиентом. Напишите командой, подставив клиента:";

    public override string FreeTextClientPlaceholder => "Клиент";
}
