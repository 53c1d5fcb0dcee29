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
/// /clients [text]: my clients by name, ten a page (<c>cls:&lt;page&gt;</c>), or those whose name, phone or e-mail
/// contains the text. Every line has a number (and, for a head, whose the client is); the number's button opens the card.
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
        var key = ClientNames.MatchKey(query);
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        var phone = Phones.Normalise(query);
        var email = query.ToLowerInvariant();
        var matches = ctx.VisibleClients().Where(c =>
            (key.Length > 0 && c.MatchKey.Contains(key))
            || (phone != null && c.Phones.Contains(phone))
            || (digits.Length >= 5 && c.Phones.Contains(digits))
            || (email.Contains('@') && c.Emails.Contains(email)));
        var total = await matches.CountAsync(ct);
        if (total == 0)
        {
            ctx.Reply(ctx.T.ClientsNotFound(query));
            return;
        }

        var clients = await matches.OrderBy(c => c.NameKey).ThenBy(c => c.Id).Take(SearchLimit).ToListAsync(ct);
        var (text, rows) = await LinesAsync(ctx, ctx.T.ClientsFound(query, total), clients, 0, ct);
        if (total > clients.Count)
        {
            text += "\n" + ctx.T.AndMore(total - clients.Count);
        }

        ctx.Reply(new Reply(text, rows));
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
