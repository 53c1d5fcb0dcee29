namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    protected override void AddRecordDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
