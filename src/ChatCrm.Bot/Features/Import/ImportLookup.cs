using ChatCrm.Bot.Data;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The existing clients a slice of rows may match, found the way /client finds them: each phone and e-mail by its
/// search key, each name by its first word's key, in one query per kind and chunk of values — never a scan of the
/// clients and never a query per row.
/// </summary>
public static class ImportLookup
{
    // Well under SQLite's and PostgreSQL's parameter limits.
    private const int Chunk = 500;

    // A first word thousands of clients share («торговый») cannot name one of them: its candidates are capped.
    private const int MaxNameCandidates = 20_000;

    public static async Task<BaseIndex> FindAsync(ChatCrmDbContext db, IEnumerable<ImportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = rows.ToList();
        var tails = list.SelectMany(r => r.Phones).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => ClientSearchKeys.TailKey(ClientSearchKeys.Digits(p)), p => p, StringComparer.Ordinal);
        var emails = list.SelectMany(r => r.Emails).Distinct(StringComparer.Ordinal).ToList();
        var words = list.Select(r => BaseIndex.FirstWord(ClientNames.MatchKey(r.Name))).Where(w => w.Length > 0)
            .Select(w => w.Length > ClientSearchKeys.MaxValueLength ? w[..ClientSearchKeys.MaxValueLength] : w)
            .Distinct(StringComparer.Ordinal).ToList();

        var phones = new List<(string, long)>();
        foreach (var chunk in tails.Keys.Chunk(Chunk))
        {
            var found = await Keys(db, ClientKeyKind.PhoneTail, chunk).ToListAsync(ct);
            phones.AddRange(found.Select(k => (tails[k.Value], k.ClientId)));
        }

        var mails = new List<(string, long)>();
        foreach (var chunk in emails.Chunk(Chunk))
        {
            var found = await Keys(db, ClientKeyKind.Email, chunk).ToListAsync(ct);
            mails.AddRange(found.Select(k => (k.Value, k.ClientId)));
        }

        var names = new List<(long, string)>();
        foreach (var chunk in words.Chunk(Chunk))
        {
            var found = await (from k in db.ClientSearchKeys
                               where k.Kind == ClientKeyKind.Word && chunk.Contains(k.Value)
                               join c in db.Clients on k.ClientId equals c.Id
                               orderby k.Value, k.ClientId
                               select new { c.Id, c.MatchKey }).Take(MaxNameCandidates).ToListAsync(ct);
            names.AddRange(found.Select(c => (c.Id, c.MatchKey)));
        }

        return new BaseIndex(phones, mails, names);
    }

    private static IQueryable<KeyHit> Keys(ChatCrmDbContext db, ClientKeyKind kind, string[] values) =>
        db.ClientSearchKeys.Where(k => k.Kind == kind && values.Contains(k.Value)).Select(k => new KeyHit(k.Value, k.ClientId));

    private sealed record KeyHit(string Value, long ClientId);
}
