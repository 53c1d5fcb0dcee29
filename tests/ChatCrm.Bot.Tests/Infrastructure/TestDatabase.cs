using ChatCrm.Bot.Tests.Postgres;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatCrm.Bot.Tests.Infrastructure;

/// <summary>
/// The database a test class runs on, so that one suite runs on both providers without a copy of its tests: the suite
/// is an abstract class taking a <see cref="TestDatabase"/>, its tests are <see cref="DatabaseFactAttribute"/> /
/// <see cref="DatabaseTheoryAttribute"/>, and two one-line classes pick the database —
/// <code>
/// public sealed class DealTestsOnSqlite() : DealTests(TestDatabase.Sqlite());
/// [Postgres] public sealed class DealTestsOnPostgres() : DealTests(TestDatabase.Postgres());
/// </code>
/// The test names then say the provider (<c>DealTestsOnPostgres.A_deal_…</c>), <c>--filter "Category=Postgres"</c>
/// selects the PostgreSQL runs, and without CHATCRM_TEST_POSTGRES those are reported as skipped. Pass the database to
/// <see cref="ChatCrmApp.StartAsync"/> (it creates it) and drop it when the test ends (<see cref="DropAsync"/>).
/// </summary>
/// <remarks>
/// Each PostgreSQL test gets its own database, copied from a migrated template (<c>CREATE DATABASE … TEMPLATE</c>, made
/// once per test run): a copy takes tens of milliseconds where migrating a fresh database took seconds.
/// </remarks>
public abstract class TestDatabase
{
    /// <summary>A fresh SQLite file per host, as <see cref="ChatCrmApp"/> makes by default.</summary>
    public static TestDatabase Sqlite() => new SqliteTestDatabase();

    /// <summary>A fresh database on the CHATCRM_TEST_POSTGRES server, dropped by <see cref="DropAsync"/>.</summary>
    public static TestDatabase Postgres() => new PostgresDatabase();

    public abstract bool IsPostgres { get; }

    /// <summary>The host settings that put the bot on this database (none for SQLite: each host brings its own file).</summary>
    public abstract IDictionary<string, string?> Settings { get; }

    /// <summary>Makes the database ready for a host; called by <see cref="ChatCrmApp.StartAsync"/>, once.</summary>
    public virtual Task CreateAsync() => Task.CompletedTask;

    /// <summary>Removes the database once the test's hosts have stopped; a later <see cref="CreateAsync"/> makes a fresh one.</summary>
    public virtual Task DropAsync() => Task.CompletedTask;

    public override string ToString() => IsPostgres ? "PostgreSQL" : "SQLite";

    private sealed class SqliteTestDatabase : TestDatabase
    {
        public override bool IsPostgres => false;

        public override IDictionary<string, string?> Settings => new Dictionary<string, string?>();
    }

    /// <summary>
    /// Why the tests of a class cannot run here, or null: a class marked <see cref="PostgresAttribute"/> needs the server.
    /// </summary>
    internal static string? MissingServer(ITypeInfo testClass) =>
        testClass.GetCustomAttributes(typeof(PostgresAttribute).AssemblyQualifiedName!).Any()
        && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable))
            ? $"Set {PostgresFactAttribute.Variable} to a PostgreSQL connection string (bash .ci/postgres.sh prints one) to run this test."
            : null;

    /// <summary>The discovered cases as they are, or each one reported skipped when its class's database is missing.</summary>
    internal static IEnumerable<IXunitTestCase> SkipWithoutServer(IMessageSink sink, ITestFrameworkDiscoveryOptions options,
        ITestMethod method, IEnumerable<IXunitTestCase> cases) =>
        MissingServer(method.TestClass.Class) is { } reason
            ? cases.Select(c => new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(),
                options.MethodDisplayOptionsOrDefault(), method, reason, c.TestMethodArguments)).ToList()
            : cases;
}

/// <summary>A [Fact] of a suite that runs on both databases (<see cref="TestDatabase"/>): skipped on a missing server.</summary>
[XunitTestCaseDiscoverer("ChatCrm.Bot.Tests.Infrastructure." + nameof(DatabaseFactDiscoverer), CategoryDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseFactAttribute : FactAttribute;

/// <summary>A [Theory] of a suite that runs on both databases (<see cref="TestDatabase"/>): skipped on a missing server.</summary>
[XunitTestCaseDiscoverer("ChatCrm.Bot.Tests.Infrastructure." + nameof(DatabaseTheoryDiscoverer), CategoryDiscoverer.AssemblyName)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

public sealed class DatabaseFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod,
        IAttributeInfo factAttribute) =>
        TestDatabase.SkipWithoutServer(DiagnosticMessageSink, discoveryOptions, testMethod, base.Discover(discoveryOptions, testMethod, factAttribute));
}

public sealed class DatabaseTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod,
        IAttributeInfo theoryAttribute) =>
        TestDatabase.SkipWithoutServer(DiagnosticMessageSink, discoveryOptions, testMethod, base.Discover(discoveryOptions, testMethod, theoryAttribute));
}
