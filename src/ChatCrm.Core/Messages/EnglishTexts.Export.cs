namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddExportDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
