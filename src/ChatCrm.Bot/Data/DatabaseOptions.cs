using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// SQLite: the pipeline's writers queue in process (<see cref="Data.WriteGate"/>) instead of in SQLite's busy handler.
    /// Off: it was worse in every run, on a loaded machine and on a quiet one (3 Dec, 40 clients: 904 updates/s with it,
    /// 1,024 without; the benchmarks README).
    /// </summary>
    public bool WriteGate { get; set; }

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"Database:Provider '{Provider}' is not supported: use Sqlite or Postgres.");
        }
    }
}
