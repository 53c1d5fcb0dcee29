namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddImportDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
