namespace ChatCrm.Core.Messages;

/// <summary>
/// /help, built here once for every language from one table per feature area. Each area is abstract, so a language
/// that leaves one out does not compile; a command left out of its area fails a test in the host.
/// </summary>
public abstract partial class Texts
{
    private readonly Lazy<IReadOnlyDictionary<string, CommandDoc>> _docs;

    protected Texts()
    {
        _docs = new(BuildDocs);
    }

    /// <summary>How /help explains each command, by command name.</summary>
    public IReadOnlyDictionary<string, CommandDoc> Docs => _docs.Value;

    /// <summary>The commands every role has, and user administration.</summary>
    protected abstract void AddFoundationDocs(IDictionary<string, CommandDoc> docs);

    protected abstract void AddClientDocs(IDictionary<string, CommandDoc> docs);

    protected abstract void AddDealDocs(IDictionary<string, CommandDoc> docs);

    protected abstract void AddProcessDocs(IDictionary<string, CommandDoc> docs);

    protected abstract void AddTeamDocs(IDictionary<string, CommandDoc> docs);

    protected abstract void AddScheduleDocs(IDictionary<string, CommandDoc> docs);

    protected abstract void AddPayDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>Bringing a client base in from a spreadsheet.</summary>
    protected abstract void AddImportDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>/export.</summary>
    protected abstract void AddExportDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>Client records: /edit, /person, /history, /merge.</summary>
    protected abstract void AddRecordDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>The prospect pool: /pool, /take.</summary>
    protected abstract void AddPoolDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>Departments: /dept, /invite staff, /stage … owner.</summary>
    protected abstract void AddDepartmentsDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>Norms per work type, department and person: /norm.</summary>
    protected abstract void AddNormsDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>Stage tasks: /tasks and the task buttons.</summary>
    protected abstract void AddStageTasksDocs(IDictionary<string, CommandDoc> docs);

    /// <summary>Scenarios: /scenario.</summary>
    protected abstract void AddScenariosDocs(IDictionary<string, CommandDoc> docs);

    private IReadOnlyDictionary<string, CommandDoc> BuildDocs()
    {
        var docs = new Dictionary<string, CommandDoc>();
        AddFoundationDocs(docs);
        AddClientDocs(docs);
        AddDealDocs(docs);
        AddProcessDocs(docs);
        AddTeamDocs(docs);
        AddScheduleDocs(docs);
        AddReportDocs(docs);
        AddPayDocs(docs);
        AddImportDocs(docs);
        AddExportDocs(docs);
        AddRecordDocs(docs);
        AddPoolDocs(docs);
        AddDepartmentsDocs(docs);
        AddNormsDocs(docs);
        AddStageTasksDocs(docs);
        AddScenariosDocs(docs);
        AddWebDocs(docs);
        return docs;
    }
}
