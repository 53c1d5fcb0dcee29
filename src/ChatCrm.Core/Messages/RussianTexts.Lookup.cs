using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string WhichClient(string query) => $"Какого клиента вы имели в виду — «{Escape(query)}»?";

    public override string ClientNotFound(string query) =>
        $"Клиента «{Escape(query)}» не нашёл среди ваших. Создать: /client {Escape(query)}";

    public override string DealNotFound(string number, bool everyone) =>
        everyone ? $"Сделки #{Escape(number)} нет. Сделки — /deals" : $"Сделки #{Escape(number)} нет среди ваших. Ваши сделки — /deals";
}
