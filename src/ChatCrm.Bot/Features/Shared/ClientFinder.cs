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

    [GeneratedRegex(@"^\s*#c(\d+)\b\s*")]
    private static partial Regex ById();

    public static async Task<ClientLookup> FindAsync(BotContext ctx, string text, CancellationToken ct)
    {
        if (ById().Match(text) is { Success: true } byId)
        {
            // A number too large to be any client's id names no client.
            var id = long.TryParse(byId.Groups[1].Value, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
            var client = await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == id, ct);
            var rest = text[byId.Length..].Trim();
            return client is null
                ? new ClientLookup(ClientMatchKind.NotFound, null, [], rest, null)
                : new ClientLookup(ClientMatchKind.Exact, client, [client], rest, null);
        }

        var key = ClientNames.MatchKey(text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");
        if (key.Length == 0)
        {
            return new ClientLookup(ClientMatchKind.NotFound, null, [], text.Trim(), null);
        }

        // A short prefix of the first word keeps the candidate set small and indexed, yet lets typos later in the name through.
        var prefix = key[..Math.Min(3, key.Length)];
        var candidates = await ctx.VisibleClients()
            .Where(c => c.MatchKey.StartsWith(prefix))
            .OrderByDescending(c => c.LastTouchAt)
            .Take(MaxCandidates)
            .ToListAsync(ct);
        var match = ClientReference.Resolve(text, candidates.Select(c => new ClientCandidate(c.Id, c.Name)).ToList());
        var options = match.Ids.Select(id => candidates.First(c => c.Id == id)).ToList();
        return new ClientLookup(match.Kind, match.Kind == ClientMatchKind.Exact ? options[0] : null, options, match.Rest, match);
    }

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
