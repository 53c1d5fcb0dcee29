using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddScenariosDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
