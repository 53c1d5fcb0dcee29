using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Tests.Features.Reports;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// The managers, activity, obligations and products reports translate on PostgreSQL and give there exactly what they
/// give on SQLite over the same fixture — the SQLite figures being checked by hand in <see cref="ReportsTests"/>.
/// </summary>
[Postgres]
public sealed class PostgresReportsTests : IAsyncLifetime
{
    private readonly string _database = "chatcrm_test_" + Guid.NewGuid().ToString("N")[..12];
    private ChatCrmApp? _postgres;
    private ChatCrmApp? _sqlite;

    private static string Server => Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable) ?? "";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgres is null)
        {
            return;
        }

        await _postgres.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task Every_report_gives_the_same_figures_on_postgres_as_on_sqlite()
    {
        _postgres = await ChatCrmApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:ChatCrm"] = new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString,
        });
        _sqlite = await ChatCrmApp.StartAsync();
        var onPostgres = await ReportsFixture.SeedAsync(_postgres);
        var onSqlite = await ReportsFixture.SeedAsync(_sqlite);
        var autumn = ReportPeriod.Range(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30))!;
        var quarter = ReportPeriod.QuarterOf(new DateOnly(2026, 11, 1));
        IReport[] reports = [new ManagersReport(), new ActivityReport(), new ObligationsReport(), new ProductsReport()];
        Func<ReportsFixture, ReportRequest>[] requests =
        [
            f => ReportsFixture.Request(ReportsFixture.November),
            f => ReportsFixture.Request(autumn, manager: f.Anna),
            f => ReportsFixture.Request(quarter, segment: f.Retail),
            f => ReportsFixture.Request(ReportsFixture.November, cycle: f.ServiceCycle),
        ];

        foreach (var report in reports)
        {
            foreach (var request in requests)
            {
                var t = Texts.For(Language.Ru);
                var expected = await _sqlite.QueryAsync(db => report.BuildAsync(db, request(onSqlite), t, CancellationToken.None));
                var actual = await _postgres.QueryAsync(db => report.BuildAsync(db, request(onPostgres), t, CancellationToken.None));
                actual.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering(), $"{report.Kind} for {request(onSqlite)}");
            }
        }
    }
}
