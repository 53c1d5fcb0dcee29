using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// /clients [text]: my clients by name, ten a page (<c>cls:&lt;page&gt;</c>), or those the text names: words starting
/// words of the name, a phone's last digits, an e-mail. Every line has a number (and, for a head, whose the client
/// is); the number's button opens the card.
/// </summary>
internal sealed class ListClients : ICommandHandler, ICallbackHandler
{
    private const int PageSize = 10;

    /// <summary>A search shows its best matches on one page: a query, unlike an id, cannot ride in a button.</summary>
    private const int SearchLimit = 20;

    public Task HandleAsync(BotContext ctx, string args, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(args) ? ShowPageAsync(ctx, 1, ct) : SearchAsync(ctx, args.Trim(), ct);

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct) =>
        ShowPageAsync(ctx, args.Count == 1 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var page) ? page : 1, ct);

    private static async Task ShowPageAsync(BotContext ctx, int page, CancellationToken ct)
    {
        var total = await ctx.VisibleClients().CountAsync(ct);
        if (total == 0)
        {
            ctx.Show(ctx.T.NoClients());
            return;
        }

        var pages = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pages);
        var clients = await ctx.VisibleClients().OrderBy(c => c.NameKey).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        var (text, rows) = await LinesAsync(ctx, ctx.T.ClientsHeader(total, page, pages, ctx.SeesEverything()), clients, (page - 1) * PageSize, ct);
        if (Pager.Row(ctx.T, page, pages, p => $"cls:{p}") is { Count: > 0 } nav)
        {
            rows.Add(nav);
        }

        ctx.Show(new Reply(text, rows));
    }

    private static async Task SearchAsync(BotContext ctx, string query, CancellationToken ct)
    {
        // The same index ranges a command's client lookup reads (ClientSearchKeys), never a scan of every client: the
        // start of a word of the name (every typed word must start a word of it, or be one in another case), the last
        // digits of a phone, an e-mail.
        var search = ClientReference.SearchFor(query);
        var found = new Dictionary<long, Client>();
        if (search.Email is { } email)
        {
            await AddAsync(ctx, found, ClientKeyKind.Email, email, prefix: false, ct);
        }

        foreach (var tail in search.PhoneTails)
        {
            await AddAsync(ctx, found, ClientKeyKind.PhoneTail, ClientSearchKeys.TailKey(tail), prefix: true, ct);
        }

        if (search.WordStart is { } start && search.Email is null)
        {
            var typed = ClientNames.MatchKey(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var byName = await ClientFinder.ByKey(ctx.VisibleClients(), ctx.Db.ClientSearchKeys, ClientKeyKind.Word, start, prefix: true).ToListAsync(ct);
            foreach (var c in byName.Where(c => NamedBy(typed, c.MatchKey)))
            {
                found.TryAdd(c.Id, c);
            }
        }

        var total = found.Count;
        if (total == 0)
        {
            ctx.Reply(ctx.T.ClientsNotFound(query));
            return;
        }

        var clients = found.Values.OrderBy(c => c.NameKey, StringComparer.Ordinal).ThenBy(c => c.Id).Take(SearchLimit).ToList();
        var (text, rows) = await LinesAsync(ctx, ctx.T.ClientsFound(query, total), clients, 0, ct);
        if (total > clients.Count)
        {
            text += "\n" + ctx.T.AndMore(total - clients.Count);
        }

        ctx.Reply(new Reply(text, rows));
    }

    private static async Task AddAsync(BotContext ctx, Dictionary<long, Client> found, ClientKeyKind kind, string value, bool prefix, CancellationToken ct)
    {
        foreach (var c in await ClientFinder.ByKey(ctx.VisibleClients(), ctx.Db.ClientSearchKeys, kind, value, prefix).ToListAsync(ct))
        {
            found.TryAdd(c.Id, c);
        }
    }

    /// <summary>Every typed word starts a word of the name or is one in another case.</summary>
    private static bool NamedBy(string[] typed, string matchKey)
    {
        var words = matchKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return typed.All(t => words.Any(w => w.StartsWith(t, StringComparison.Ordinal) || WordForms.IsFormOf(t, w)));
    }

    private static async Task<(string Text, List<IReadOnlyList<Button>> Rows)> LinesAsync(
        BotContext ctx, string header, IReadOnlyList<Client> clients, int first, CancellationToken ct)
    {
        var owner = await ctx.OwnerNamesAsync(clients.Select(c => c.OwnerUserId), ct);
        var sb = new StringBuilder(header);
        var buttons = new List<Button>();
        for (var i = 0; i < clients.Count; i++)
        {
            var c = clients[i];
            var n = first + i + 1;
            sb.Append('\n').Append(ctx.T.ClientLine(n, c.Name, owner(c.OwnerUserId),
                c.LastTouchAt is { } last ? ctx.T.Ago(last, ctx.Now) : null,
                c.NextContactAt is { } next ? ctx.InWords(next) : null,
                c.NextContactAt < ctx.Now));
            buttons.Add(Button.Callback(n.ToString(CultureInfo.InvariantCulture), TouchLogging.Card(c.Id)));
        }

        return (sb.Append("\n\n").Append(ctx.T.ClientsHint()).ToString(), [.. buttons.Chunk(5).Select(r => (IReadOnlyList<Button>)r)]);
    }
}
