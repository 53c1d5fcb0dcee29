using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// SQLite: the pipeline's writers queue in process (<see cref="Data.WriteGate"/>) instead of in SQLite's busy handler.
    /// Off until measured on a quiet machine: the only runs so far (load average 30–60 on 2 cores) were worse with it on.
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
