namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// A test that needs a real PostgreSQL server: it runs when CHATCRM_TEST_POSTGRES holds a connection
/// string (.ci/run starts a local server and sets it) and is reported as skipped otherwise.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CHATCRM_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"Set {Variable} to a PostgreSQL connection string (bash .ci/postgres.sh prints one) to run this test.";
        }
    }
}
