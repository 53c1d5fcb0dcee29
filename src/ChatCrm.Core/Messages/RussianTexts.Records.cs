namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddRecordDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
