using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string WhichClient(string query) => $"Which client did you mean by “{Escape(query)}”?";

    public override string ClientNotFound(string query) =>
        $"No client “{Escape(query)}” among yours. To create one: /client {Escape(query)}";

    public override string DealNotFound(string number, bool everyone) =>
        everyone ? $"There is no deal #{Escape(number)}. Deals: /deals" : $"There is no deal #{Escape(number)} among yours. Your deals: /deals";

}
