namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddPoolDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
