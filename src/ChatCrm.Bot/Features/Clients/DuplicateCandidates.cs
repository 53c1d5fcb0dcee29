using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// The existing clients worth comparing with a new one (<see cref="DuplicateCheck"/> decides which of them are
/// duplicates): among all clients, not only the user's, since the same company must not be worked twice. Every query is
/// a bounded range of an index, so the check costs the same at a thousand clients and at a million — the SQLite plan of
/// each names no SCAN of Clients and no sort (<c>DuplicateCandidatesQueryPlanTests</c>; the benchmark's <c>--dup</c>).
/// </summary>
internal static class DuplicateCandidates
{
    /// <summary>Same-named clients taken at most.</summary>
    private const int MaxSameName = 100;

    /// <summary>Names read on each side of the new one in the name index's order: the near-identical ones sort next to it.</summary>
    private const int Neighbours = 25;

    /// <summary>
    /// The name's exact <see cref="ClientNames.MatchKey"/> (a Latin look-alike letter does not dodge it); the names sorting
    /// just before and after it that share its first two letters (a typo, a word more or less at the end); each phone and
    /// e-mail by its search key. Ranges are comparisons on the MatchKey index, since LIKE cannot use it.
    /// </summary>
    internal static IReadOnlyList<IQueryable<Client>> Queries(ChatCrmDbContext db, string matchKey, IEnumerable<string> phones, IEnumerable<string> emails)
    {
        var queries = new List<IQueryable<Client>>
        {
            db.Clients.Where(c => c.MatchKey == matchKey).OrderBy(c => c.Id).Take(MaxSameName),
        };

        var prefix = matchKey[..Math.Min(2, matchKey.Length)];
        if (prefix.Length > 0)
        {
            var end = ClientSearchKeys.RangeEnd(prefix);
            queries.Add(db.Clients.Where(c => string.Compare(c.MatchKey, prefix) >= 0 && string.Compare(c.MatchKey, matchKey) < 0)
                .OrderByDescending(c => c.MatchKey).ThenByDescending(c => c.Id).Take(Neighbours));
            queries.Add(db.Clients.Where(c => string.Compare(c.MatchKey, matchKey) > 0 && string.Compare(c.MatchKey, end) < 0)
                .OrderBy(c => c.MatchKey).ThenBy(c => c.Id).Take(Neighbours));
        }

        queries.AddRange(phones.Select(phone => ClientFinder.ByKey(db.Clients, db.ClientSearchKeys, ClientKeyKind.PhoneTail,
            ClientSearchKeys.TailKey(ClientSearchKeys.Digits(phone)), prefix: false)));
        queries.AddRange(emails.Select(email => ClientFinder.ByKey(db.Clients, db.ClientSearchKeys, ClientKeyKind.Email, email, prefix: false)));
        return queries;
    }

    /// <summary>
    /// The candidates for a new client with this name, these (normalised) phones and e-mails, each once; read only (not
    /// tracked), as the check only shows them.
    /// </summary>
    internal static async Task<List<Client>> LoadAsync(ChatCrmDbContext db, string name, IEnumerable<string> phones, IEnumerable<string> emails, CancellationToken ct)
    {
        var found = new Dictionary<long, Client>();
        foreach (var query in Queries(db, ClientNames.MatchKey(name), phones, emails))
        {
            foreach (var client in await query.AsNoTracking().ToListAsync(ct))
            {
                found.TryAdd(client.Id, client);
            }
        }

        return [.. found.Values];
    }
}
