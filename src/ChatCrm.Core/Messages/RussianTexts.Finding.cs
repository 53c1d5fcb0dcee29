using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string WhichDealOf(string client) => $"Какая сделка «{Escape(client)}»?";

    public override string NoOpenDealsOf(string client) => $"У «{Escape(client)}» нет открытых сделок.";
}
