namespace ChatCrm.Core.Messages;

/// <summary>
/// /help texts are assembled from one list per feature area, so areas can be added without editing
/// each other's files: each implements its partial method in its own EnglishTexts.&lt;Area&gt;.cs.
/// </summary>
internal sealed partial class EnglishTexts
{
    private readonly Lazy<IReadOnlyDictionary<string, CommandDoc>> _docs = new(BuildDocs);

    private static IReadOnlyDictionary<string, CommandDoc> BuildDocs()
    {
        var docs = new Dictionary<string, CommandDoc>(FoundationDocs);
        AddClientDocs(docs);
        AddDealDocs(docs);
        AddProcessDocs(docs);
        AddTeamDocs(docs);
        AddScheduleDocs(docs);
        return docs;
    }

    static partial void AddClientDocs(Dictionary<string, CommandDoc> docs);

    static partial void AddDealDocs(Dictionary<string, CommandDoc> docs);

    static partial void AddProcessDocs(Dictionary<string, CommandDoc> docs);

    static partial void AddTeamDocs(Dictionary<string, CommandDoc> docs);

    static partial void AddScheduleDocs(Dictionary<string, CommandDoc> docs);
}
