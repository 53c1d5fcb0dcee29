using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>The client named at the start of a command's arguments, and what follows it.</summary>
public sealed record ClientLookup(ClientMatchKind Kind, Client? Client, IReadOnlyList<Client> Options, string Rest, ClientMatch? Match)
{
    public bool Found => Client is not null;
}

/// <summary>
/// Finds the client a user names the way people type them: exactly, by the longest known name at the
/// start of the text, or by a close match (offered as buttons, never picked silently). A button pick
/// comes back as <c>#c&lt;id&gt;</c>. Only clients the user may see are candidates.
/// </summary>
public static partial class ClientFinder
{
    private const int MaxCandidates = 300;

    /// <summary>The most clients offered as buttons when several fit equally well.</summary>
    public const int MaxChoices = 8;

    [GeneratedRegex(@"^\s*#c(\d+)\b\s*")]
    private static partial Regex ById();

    public static Task<ClientLookup> FindAsync(BotContext ctx, string text, CancellationToken ct) =>
        FindAsync(ctx.VisibleClients(), ctx.Db.ClientSearchKeys, text, ct);

    /// <summary>The lookup over <paramref name="visible"/> clients: what <see cref="FindAsync(BotContext, string, CancellationToken)"/> runs, and the benchmark measures.</summary>
    internal static async Task<ClientLookup> FindAsync(IQueryable<Client> visible, IQueryable<ClientSearchKey> searchKeys, string text, CancellationToken ct)
    {
        if (ById().Match(text) is { Success: true } byId)
        {
            // A number too large to be any client's id names no client.
            var id = long.TryParse(byId.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var client = await visible.FirstOrDefaultAsync(c => c.Id == id, ct);
            var rest = text[byId.Length..].Trim();
            return client is null
                ? new ClientLookup(ClientMatchKind.NotFound, null, [], rest, null)
                : new ClientLookup(ClientMatchKind.Exact, client, [client], rest, null);
        }

        // Each way of naming a client is a range of the search keys' index; the typo start only when nothing fits better.
        var search = ClientReference.SearchFor(text);
        var candidates = new Dictionary<long, Client>();
        if (search.Email is { } email)
        {
            Add(candidates, await ByKeyAsync(visible, searchKeys, ClientKeyKind.Email, email, prefix: false, ct));
        }

        foreach (var tail in search.PhoneTails)
        {
            Add(candidates, await ByKeyAsync(visible, searchKeys, ClientKeyKind.PhoneTail, ClientSearchKeys.TailKey(tail), prefix: true, ct));
        }

        if (search.WordStart is { } start)
        {
            Add(candidates, await ByKeyAsync(visible, searchKeys, ClientKeyKind.Word, start, prefix: true, ct));
        }

        var match = Resolve(text, candidates);
        if (match.Kind == ClientMatchKind.NotFound && search.TypoStart is { } typo && typo != search.WordStart)
        {
            Add(candidates, await ByKeyAsync(visible, searchKeys, ClientKeyKind.Word, typo, prefix: true, ct));
            match = Resolve(text, candidates);
        }

        var options = match.Ids.Select(id => candidates[id]).ToList();
        if (match.Kind == ClientMatchKind.Ambiguous && options.Count > MaxChoices)
        {
            // «Ива» among a million clients: the most recently worked ones, not a keyboard of hundreds.
            options = [.. options.OrderByDescending(c => c.LastTouchAt).ThenByDescending(c => c.Id).Take(MaxChoices)];
        }

        return new ClientLookup(match.Kind, match.Kind == ClientMatchKind.Exact ? options[0] : null, options, match.Rest, match);
    }

    /// <summary>
    /// The visible clients with a search key equal to <paramref name="value"/> or, for a prefix, starting with it:
    /// a range of the keys' (kind, value) index, then each client by its primary key.
    /// </summary>
    internal static IQueryable<Client> ByKey(IQueryable<Client> visible, IQueryable<ClientSearchKey> searchKeys, ClientKeyKind kind, string value, bool prefix)
    {
        var keys = searchKeys.Where(k => k.Kind == kind);
        if (prefix)
        {
            var end = ClientSearchKeys.RangeEnd(value);
            keys = keys.Where(k => string.Compare(k.Value, value) >= 0 && string.Compare(k.Value, end) < 0);
        }
        else
        {
            keys = keys.Where(k => k.Value == value);
        }

        // The keys drive: SQLite keeps a CROSS JOIN's left table as the outer loop, so a manager's lookup reads the
        // keys' range and each client by its primary key, never all of the manager's clients in their index's order.
        // Ordered as the keys' index already is, so the cap takes a definite slice without a sort; the caller sorts what came.
        return (from k in keys
                from c in visible
                where c.Id == k.ClientId
                orderby k.Value, k.ClientId
                select c).Take(MaxCandidates);
    }

    private static async Task<List<Client>> ByKeyAsync(IQueryable<Client> visible, IQueryable<ClientSearchKey> searchKeys, ClientKeyKind kind, string value, bool prefix, CancellationToken ct) =>
        [.. (await ByKey(visible, searchKeys, kind, value, prefix).ToListAsync(ct))
            .DistinctBy(c => c.Id).OrderByDescending(c => c.LastTouchAt).ThenByDescending(c => c.Id)];

    private static void Add(Dictionary<long, Client> candidates, List<Client> found) =>
        found.ForEach(c => candidates.TryAdd(c.Id, c));

    private static ClientMatch Resolve(string text, Dictionary<long, Client> candidates) =>
        ClientReference.Resolve(text, [.. candidates.Values.Select(c => new ClientCandidate(c.Id, c.Name, c.PhoneNumbers, c.EmailAddresses))]);

    /// <summary>
    /// When the lookup did not settle on one client: asks which (buttons) and resumes
    /// <paramref name="command"/> with the pick, or says nobody matched. Returns true if it replied.
    /// </summary>
    public static bool AskIfUnsettled(BotContext ctx, ClientLookup lookup, string command, string query)
    {
        switch (lookup.Kind)
        {
            case ClientMatchKind.Exact:
                return false;
            case ClientMatchKind.NotFound:
                ctx.Reply(ctx.T.ClientNotFound(query));
                return true;
            default:
                var rest = lookup.Match?.RestFor(lookup.Options[0].Id) ?? lookup.Rest;
                ctx.AskChoice(command, "#c{0} " + rest, ctx.T.WhichClient(query),
                    lookup.Options.Select(c => (c.Name, c.Id.ToString(CultureInfo.InvariantCulture))));
                return true;
        }
    }
}
