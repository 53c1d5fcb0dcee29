using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Shared;

/// <summary>
/// Every way of finding a client is an index range, for a manager (their clients) and a head (everyone's): SQLite's
/// plan of each lookup query names no SCAN, so its cost follows the clients found, not the million stored.
/// </summary>
public sealed class ClientFinderQueryPlanTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<ClientKeyKind, string, bool, bool> Lookups => new()
    {
        { ClientKeyKind.Word, "ромашк", true, false },
        { ClientKeyKind.Word, "ромашк", true, true },
        { ClientKeyKind.PhoneTail, ClientSearchKeys.TailKey("4567"), true, false },
        { ClientKeyKind.PhoneTail, ClientSearchKeys.TailKey("4567"), true, true },
        { ClientKeyKind.Email, "info@romashka.ru", false, false },
        { ClientKeyKind.Email, "info@romashka.ru", false, true },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task A_lookup_reads_a_range_of_the_search_keys_index_and_clients_by_their_key(ClientKeyKind kind, string value, bool prefix, bool manager)
    {
        var plan = await _app.QueryAsync(async db =>
        {
            var visible = manager ? db.Clients.Where(c => c.OwnerUserId == 7) : db.Clients;
            return await PlanAsync(db, ClientFinder.ByKey(visible, db.ClientSearchKeys, kind, value, prefix));
        });

        plan.Should().Contain(l => l.Contains("USING COVERING INDEX IX_ClientSearchKeys_Kind_Value_ClientId", StringComparison.Ordinal));
        plan.Should().Contain(l => l.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        plan.Should().NotContain(l => l.Contains("SCAN", StringComparison.Ordinal), string.Join("\n", plan));
        plan.Should().NotContain(l => l.Contains("TEMP B-TREE", StringComparison.Ordinal), "the keys' index gives the order: " + string.Join("\n", plan));
    }

    private static async Task<List<string>> PlanAsync(ChatCrmDbContext db, IQueryable<Client> query)
    {
        // ToQueryString declares the parameters first (".param set"); an unbound parameter plans the same way.
        var sql = string.Join('\n', query.ToQueryString().Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.GetOrdinal("detail")));
        }

        return lines;
    }
}
