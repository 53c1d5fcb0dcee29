using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Pool;

/// <summary>
/// /pool [#segment]: the prospect pool (clients with no owner), oldest first, ten a page, with the count per segment.
/// Heads and admins always; a manager only while a head has opened the pool (/settings pool on), and then with a 🙋
/// button per client to take it (<see cref="TakeFromPool"/>). A head gets 🎲 to hand the pool out (/distribute).
/// Buttons: <c>pool:p:&lt;segment id or 0&gt;:&lt;page&gt;</c>, <c>pool:d:&lt;segment id or 0&gt;</c>, <c>pool:t:&lt;client id&gt;</c>.
/// </summary>
internal sealed class ShowPool : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "pool:p";
    private const int PageSize = 10;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (!await MaySeeAsync(ctx, ct))
        {
            ctx.Reply(ctx.T.PoolClosed());
            return;
        }

        var (found, segment) = await SegmentArgument.ReadAsync(ctx, "pool", args, ct);
        if (!found)
        {
            return;
        }

        await ShowPageAsync(ctx, segment, 1, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 2 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var segmentId)
            || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (!await MaySeeAsync(ctx, ct))
        {
            ctx.Show(ctx.T.PoolClosed());
            return;
        }

        var segment = segmentId == 0 ? null : await ctx.Db.Segments.FirstOrDefaultAsync(s => s.Id == segmentId, ct);
        await ShowPageAsync(ctx, segment, page, ct);
    }

    /// <summary>Heads and admins always; a manager while the pool is open to managers.</summary>
    public static async Task<bool> MaySeeAsync(BotContext ctx, CancellationToken ct) =>
        ctx.SeesEverything() || await CompanySettings.IsPoolOpenToManagersAsync(ctx.Db, ct);

    /// <summary>One page of the pool (of one segment, or all of it); the caller has checked <see cref="MaySeeAsync"/>.</summary>
    public static async Task ShowPageAsync(BotContext ctx, Segment? segment, int page, CancellationToken ct)
    {
        var segmentId = segment?.Id;
        var pool = ctx.PoolClients().Where(c => segmentId == null || c.SegmentId == segmentId);
        var total = await pool.CountAsync(ct);
        if (total == 0)
        {
            ctx.Show(ctx.T.PoolEmpty(segment?.Name ?? ""));
            return;
        }

        var pages = (total + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pages);
        var clients = await pool.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var names = await ctx.Db.Segments.ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var text = new StringBuilder(ctx.T.PoolHeader(total, segment?.Name ?? "", page, pages));
        if (segment is null)
        {
            var bySegment = await ctx.PoolClients().GroupBy(c => c.SegmentId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var counts = bySegment
                .Select(g => (Name: g.Key is { } id ? names.GetValueOrDefault(id) : null, g.Count))
                .OrderBy(g => g.Name is null).ThenByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.CurrentCulture);
            text.Append('\n').Append(string.Join(", ", counts.Select(g => ctx.T.PoolSegmentCount(g.Name, g.Count))));
        }

        text.Append('\n');
        var head = ctx.SeesEverything();
        var buttons = new List<Button>();
        for (var i = 0; i < clients.Count; i++)
        {
            var c = clients[i];
            var n = (page - 1) * PageSize + i + 1;
            text.Append('\n').Append(ctx.T.PoolLine(n, c.Name, CreateClient.Contacts(c), c.City,
                c.SegmentId is { } s && segment is null ? names.GetValueOrDefault(s) : null, ctx.T.Ago(c.CreatedAt, ctx.Now)));
            buttons.Add(head
                ? Button.Callback(n.ToString(CultureInfo.InvariantCulture), TouchLogging.Card(c.Id))
                : Button.Callback(ctx.T.TakeButton(n), TakeFromPool.Data(c.Id)));
        }

        var hint = ctx.T.PoolHint(head, canTake: !head);
        if (hint.Length > 0)
        {
            text.Append("\n\n").Append(hint);
        }

        var rows = buttons.Chunk(5).Select(r => (IReadOnlyList<Button>)r).ToList();
        var segmentRef = (segmentId ?? 0).ToString(CultureInfo.InvariantCulture);
        if (Pager.Row(ctx.T, page, pages, p => $"{Prefix}:{segmentRef}:{p}") is { Count: > 0 } nav)
        {
            rows.Add(nav);
        }

        if (head)
        {
            rows.Add([Button.Callback(ctx.T.PoolDistributeButton, $"{DistributePool.Prefix}:{segmentRef}")]);
        }

        ctx.Show(new Reply(text.ToString(), rows));
    }
}
