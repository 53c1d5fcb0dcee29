namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddPoolDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
