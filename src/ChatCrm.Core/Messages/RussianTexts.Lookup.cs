using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string WhichClient(string query) => $"Какого клиента вы имели в виду — «{Escape(query)}»?";

    public override string ClientNotFound(string query) =>
        $"Клиента «{Escape(query)}» не нашёл среди ваших. Создать: /client {Escape(query)}";

    public override string DealNotFound(int number) => $"Сделки #{number} нет. Ваши сделки — /deals";

    public override string NotYourDeal(int number) => $"⛔ Сделку #{number} ведёт другой менеджер — изменить её может он или руководитель.";
}
