using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Pool;

/// <summary>
/// /take &lt;client&gt; or the 🙋 button under /pool (<c>pool:t:&lt;client id&gt;</c>): a pool client becomes the user's.
/// For a manager only while a head has opened the pool. The client is looked up among the pool's clients only, so a
/// manager never finds another manager's client here. Two managers taking one client at once: the claim is one
/// conditional update (<c>WHERE OwnerUserId IS NULL</c>), so exactly one of them gets it — PostgreSQL makes the second
/// wait for the first and then finds no unowned row, SQLite serialises the two — and the other is told who has it.
/// Audited; /undo puts the client back in the pool.
/// </summary>
internal sealed partial class TakeFromPool : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "pool:t";
    public const string UndoKind = "client.taken";

    [GeneratedRegex(@"^\s*#c(\d+)\b")]
    private static partial Regex ById();

    public static string Data(long clientId) => $"{Prefix}:{clientId.ToString(CultureInfo.InvariantCulture)}";

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (!await ShowPool.MaySeeAsync(ctx, ct))
        {
            ctx.Reply(ctx.T.PoolClosed());
            return;
        }

        var query = args.Trim();
        if (query.Length == 0)
        {
            // Bare /take: the pool itself, with a 🙋 for each client.
            await ShowPool.ShowPageAsync(ctx, null, 1, ct);
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx.PoolClients(), ctx.Db.ClientSearchKeys, query, ct);
        if (lookup.Kind == ClientMatchKind.NotFound)
        {
            // A pick from the pool's buttons (#c<id>) that someone took meanwhile: who has it, as for the 🙋 button.
            if (ById().Match(query) is { Success: true } m && long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var id)
                && await ctx.Db.Clients.AnyAsync(c => c.Id == id, ct))
            {
                await TellWhoHasAsync(ctx, id, ct);
                return;
            }

            ctx.Reply(ctx.T.PoolClientNotFound(query));
            return;
        }

        if (ClientFinder.AskIfUnsettled(ctx, lookup, "take", query))
        {
            return;
        }

        await TakeAsync(ctx, lookup.Client!.Id, ct);
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count != 1 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !await ctx.Db.Clients.AnyAsync(c => c.Id == id, ct))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        if (!await ShowPool.MaySeeAsync(ctx, ct))
        {
            ctx.Reply(ctx.T.PoolClosed());
            return;
        }

        await TakeAsync(ctx, id, ct);
    }

    /// <summary>
    /// The claim itself: true when this user got the client, false when it had an owner already (or is gone). One
    /// statement, never read-then-write, so two concurrent claims cannot both succeed.
    /// </summary>
    internal static async Task<bool> TryTakeAsync(ChatCrmDbContext db, long clientId, long userId, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == clientId && c.OwnerUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, (long?)userId), ct) == 1;

    private static async Task TakeAsync(BotContext ctx, long id, CancellationToken ct)
    {
        if (!await TryTakeAsync(ctx.Db, id, ctx.User.Id, ct))
        {
            await TellWhoHasAsync(ctx, id, ct);
            return;
        }

        // The lookup may have loaded the client before the update: read it as it is now.
        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == id, ct);
        await ctx.Db.Entry(client).ReloadAsync(ct);
        ctx.Undo.Record(UndoKind, id.ToString(CultureInfo.InvariantCulture), ctx.T.TakeUndoDescription(client.Name));
        ctx.Audit.Record(AuditActions.ClientTaken, client.Name);
        ctx.Reply(new Reply(ctx.T.ClientTaken(client.Name, CreateClient.Contacts(client)),
            [ClientActions.Row(ctx, client.Id), [Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id))]]));
    }

    private static async Task TellWhoHasAsync(BotContext ctx, long id, CancellationToken ct)
    {
        var owner = await ctx.Db.Clients.Where(c => c.Id == id).Select(c => c.OwnerUserId).FirstOrDefaultAsync(ct);
        if (owner == ctx.User.Id)
        {
            var name = await ctx.Db.Clients.Where(c => c.Id == id).Select(c => c.Name).FirstAsync(ct);
            ctx.Reply(ctx.T.AlreadyYours(name));
            return;
        }

        var by = owner is { } o ? await ctx.Db.Users.Where(u => u.Id == o).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        ctx.Reply(ctx.T.AlreadyTaken(by));
    }
}
