using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string WhichDealOf(string client) => $"Which deal of “{Escape(client)}”?";

    public override string NoOpenDealsOf(string client) => $"“{Escape(client)}” has no open deals.";
}
