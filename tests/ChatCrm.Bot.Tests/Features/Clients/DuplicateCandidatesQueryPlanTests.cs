using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Tests.Infrastructure;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Tests.Features.Clients;

/// <summary>
/// /client's duplicate check reads index ranges only — the name's MatchKey (exact, and its neighbours on either side),
/// each phone's and e-mail's search key — so its cost does not grow with the clients stored: no SCAN, no sort.
/// </summary>
public sealed class DuplicateCandidatesQueryPlanTests : IAsyncLifetime
{
    private ChatCrmApp _app = null!;

    public async Task InitializeAsync() => _app = await ChatCrmApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Every_candidate_query_is_an_index_range_without_a_scan_or_a_sort()
    {
        var plans = await _app.QueryAsync(async db =>
        {
            var result = new List<List<string>>();
            foreach (var query in DuplicateCandidates.Queries(db, "ромашка кузьмин", ["+79001234567"], ["info@romashka.ru"]))
            {
                result.Add(await PlanAsync(db, query));
            }

            return result;
        });

        plans.Should().HaveCount(5, "the exact name, the names before and after it, the phone, the e-mail");
        foreach (var plan in plans)
        {
            var text = string.Join("\n", plan);
            plan.Should().NotContain(l => l.Contains("SCAN", StringComparison.Ordinal), text);
            plan.Should().NotContain(l => l.Contains("TEMP B-TREE", StringComparison.Ordinal), text);
            plan.Should().Contain(l => l.StartsWith("SEARCH", StringComparison.Ordinal), text);
        }

        plans.Take(3).Should().AllSatisfy(p => p.Should().Contain(l => l.Contains("IX_Clients_MatchKey", StringComparison.Ordinal)));
        plans.Skip(3).Should().AllSatisfy(p => p.Should().Contain(l => l.Contains("IX_ClientSearchKeys_Kind_Value_ClientId", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_near_identical_name_among_many_alike_is_found_next_to_the_new_one()
    {
        await _app.WriteAsync(db =>
        {
            for (var i = 0; i < 600; i++)
            {
                db.Clients.Add(Client.Create($"Ромашка {i:000}", 1, DateTime.UtcNow, null));
            }

            db.Clients.Add(Client.Create("Ромашка Кузьмин", 1, DateTime.UtcNow, null));
            return Task.FromResult(0);
        });

        var names = await _app.QueryAsync(async db =>
            (await DuplicateCandidates.LoadAsync(db, "Ромашка Кузьмн", [], [], CancellationToken.None)).Select(c => c.Name).ToList());

        names.Should().Contain("Ромашка Кузьмин").And.HaveCountLessThanOrEqualTo(60, "the reads are bounded however many names share the start");
    }

    private static async Task<List<string>> PlanAsync(ChatCrmDbContext db, IQueryable<Client> query)
    {
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
