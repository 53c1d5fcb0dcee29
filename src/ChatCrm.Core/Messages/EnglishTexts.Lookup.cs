using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string WhichClient(string query) => $"Which client did you mean by “{Escape(query)}”?";

    public override string ClientNotFound(string query) =>
        $"No client “{Escape(query)}” among yours. To create one: /client {Escape(query)}";

    public override string DealNotFound(int number) => $"There is no deal #{number}. Your deals: /deals";

    public override string NotYourDeal(int number) => $"⛔ Deal #{number} belongs to another manager — only they or a head can change it.";
}
