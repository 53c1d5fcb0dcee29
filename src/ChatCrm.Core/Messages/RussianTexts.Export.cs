namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddExportDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
