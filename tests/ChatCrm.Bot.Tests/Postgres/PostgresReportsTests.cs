using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Tests.Features.Reports;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Npgsql;

namespace ChatCrm.Bot.Tests.Postgres;

/// <summary>
/// Every report kind translates on PostgreSQL and gives there exactly what it gives on SQLite over the same fixture
/// and narrowings (manager, segment, cycle) — the SQLite figures of managers, activity, obligations and products being
/// checked by hand in <see cref="ReportsTests"/>. The funnel, lost and forecast reports are checked on PostgreSQL against their own hand-computed figures by
/// <see cref="ReportTestsOnPostgres"/>.
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
        await PostgresDatabase.DropAsync(_database);
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
        IReport[] reports =
        [
            new ManagersReport(), new ActivityReport(), new ObligationsReport(), new ProductsReport(),
            new FunnelReport(), new LostReport(), new ForecastReport(),
        ];
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
