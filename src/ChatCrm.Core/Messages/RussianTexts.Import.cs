namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddImportDocs(IDictionary<string, CommandDoc> docs)
    {
    }
}
