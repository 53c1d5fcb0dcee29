using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Data;

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public string Provider { get; set; } = "Sqlite";

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
