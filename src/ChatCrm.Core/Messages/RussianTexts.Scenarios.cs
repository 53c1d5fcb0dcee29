using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddScenariosDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
