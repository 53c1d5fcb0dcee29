using System.Diagnostics;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Benchmarks;

/// <summary>
/// `--dup` (issue 10, item 5): the duplicate check /client runs before it creates a client, at a million clients —
/// <see cref="DuplicateCandidates.LoadAsync"/> (every candidate query, each a bounded index range) and
/// <see cref="DuplicateCheck.Find"/> over what it loaded, exactly as <c>CreateClient</c> runs them — for a name alone, a
/// phone alone, an e-mail alone and all three, each both for a client we have (client #123300 and its twins) and for a
/// new one. 21 runs each on a fresh DbContext, the first discarded; median and range of the other 20. Then the SQLite
/// plan of every candidate query.
/// </summary>
internal static class DuplicateChecks
{
    private const long Probe = 123_300;

    public static async Task RunAsync(DbContextOptions<ChatCrmDbContext> options)
    {
        await using (var db = new ChatCrmDbContext(options))
        {
            var fill = Stopwatch.StartNew();
            var built = await ChatCrm.Bot.Hosting.DatabaseInitializer.FillSearchKeysAsync(db, CancellationToken.None);
            Console.WriteLine($"Search keys built for {built:N0} clients in {fill.Elapsed.TotalSeconds:F0} s; {await db.Clients.CountAsync():N0} clients");
        }

        Client probe;
        await using (var db = new ChatCrmDbContext(options))
        {
            probe = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == Probe);
        }

        var name = probe.Name;
        var phone = probe.PhoneNumbers[0];
        var email = probe.EmailAddresses[0];
        var twins = 0;
        await using (var db = new ChatCrmDbContext(options))
        {
            twins = await db.Clients.CountAsync(c => c.MatchKey == probe.MatchKey);
        }

        Console.WriteLine($"Probe #{probe.Id} «{name}» ({twins:N0} clients share the name), {phone}, {email}");
        var checks = new (string Label, string Name, string[] Phones, string[] Emails)[]
        {
            ("name we have", name, [], []),
            ("name with a typo («…н» for «…ин»)", name[..^2] + "н", [], []),
            ("new name", "Небывалая Компания", [], []),
            ("phone we have", "Небывалая Компания", [phone], []),
            ("new phone", "Небывалая Компания", ["+79990000001"], []),
            ("e-mail we have", "Небывалая Компания", [], [email]),
            ("new e-mail", "Небывалая Компания", [], ["nobody@nowhere.example"]),
            ("name, phone and e-mail we have", name, [phone], [email]),
        };

        foreach (var (label, text, phones, emails) in checks)
        {
            var times = new List<double>();
            var result = "";
            for (var i = 0; i < 21; i++)
            {
                await using var db = new ChatCrmDbContext(options);
                var sw = Stopwatch.StartNew();
                var candidates = await DuplicateCandidates.LoadAsync(db, text, phones, emails, CancellationToken.None);
                var found = DuplicateCheck.Find(text, phones, emails, [.. candidates.Select(ExistingClient.From)]);
                sw.Stop();
                if (i > 0)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }

                result = $"{candidates.Count} candidates, {found.Count} duplicates{(found.Any(d => d.Id == Probe) ? " (the probe among them)" : "")}";
            }

            times.Sort();
            Console.WriteLine($"duplicate check, {label}: median {times[times.Count / 2]:F2} ms, best {times[0]:F2}, worst {times[^1]:F2} — {result}");
        }

        await using (var db = new ChatCrmDbContext(options))
        {
            foreach (var query in DuplicateCandidates.Queries(db, probe.MatchKey, [phone], [email]))
            {
                Console.WriteLine("plan: " + string.Join(" / ", await PlanAsync(db, query)));
            }
        }
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
