using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>/undo of a logged touch: the touch and the next contact named with it go, and the client's dates are recomputed.</summary>
internal sealed class TouchUndo : IUndoHandler
{
    public const string LoggedKind = "touch.logged";
    public const string PlannedKind = "contact.planned";

    /// <param name="Closed">Set when the touch completed a planned contact: what the plan was, to plan it again.</param>
    public sealed record Logged(long TouchId, long? NextId, ClosedPlan? Closed = null);

    /// <summary>The manager, work type and note a planned contact had before a logged touch completed it.</summary>
    public sealed record ClosedPlan(long UserId, long WorkTypeId, string Note);

    public string Kind => LoggedKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var logged = JsonSerializer.Deserialize<Logged>(data) ?? throw new InvalidOperationException("Empty undo data.");
        var ids = new[] { logged.TouchId, logged.NextId ?? 0 };
        var touches = await ctx.Db.Touches.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var touch = touches.FirstOrDefault(a => a.Id == logged.TouchId);
        if (touch is null)
        {
            return;
        }

        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == touch.ClientId, ct);
        // A next contact already done since is a real touch of its own and stays.
        ctx.Db.Touches.RemoveRange(touches.Where(a => a.Id != touch.Id && a.Status == TouchStatus.Planned));
        if (logged.Closed is { } closed)
        {
            // The touch was a planned contact completed: it is planned again, as it was.
            if (touch.Status == TouchStatus.Done)
            {
                touch.Reopen(closed.UserId, closed.WorkTypeId, closed.Note);
            }
        }
        else
        {
            ctx.Db.Touches.Remove(touch);
        }

        await SaveAndRecomputeTouchesAsync(ctx, client, ct);
    }

    /// <summary>
    /// After a touch was taken back: saves, then the client's last touch from the touches that remain (the entity
    /// only moves it forward; this is the one case that moves it back), and its next contact.
    /// </summary>
    public static async Task SaveAndRecomputeTouchesAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        await ctx.Db.SaveChangesAsync(ct);
        var latest = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Done)
            .MaxAsync(a => a.HappenedAt, ct);
        ctx.Db.Entry(client).Property(c => c.LastTouchAt).CurrentValue = latest;
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
    }
}

/// <summary>/undo of ✅ under a planned contact: it is planned again for its old time, and the client's dates recomputed.</summary>
internal sealed class ContactDoneUndo : IUndoHandler
{
    public const string Kind = "contact.done";

    string IUndoHandler.Kind => Kind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var done = await ctx.Db.Touches.FirstOrDefaultAsync(a => a.Id == id && a.Status == TouchStatus.Done, ct);
        if (done is null)
        {
            return;
        }

        done.Uncomplete();
        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == done.ClientId, ct);
        await TouchUndo.SaveAndRecomputeTouchesAsync(ctx, client, ct);
    }
}

/// <summary>/undo of ⏰ or 📅 under a planned contact: it goes back to the time it had.</summary>
internal sealed class ContactMovedUndo : IUndoHandler
{
    public const string Kind = "contact.moved";

    public sealed record Moved(long TouchId, DateTime FromUtc);

    string IUndoHandler.Kind => Kind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var moved = JsonSerializer.Deserialize<Moved>(data) ?? throw new InvalidOperationException("Empty undo data.");
        var planned = await ctx.Db.Touches.FirstOrDefaultAsync(a => a.Id == moved.TouchId && a.Status == TouchStatus.Planned, ct);
        if (planned is null)
        {
            return;
        }

        planned.Reschedule(DateTime.SpecifyKind(moved.FromUtc, DateTimeKind.Utc));
        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == planned.ClientId, ct);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
    }
}

/// <summary>/undo of a planned contact: it is removed and the client's next contact recomputed.</summary>
internal sealed class PlannedContactUndo : IUndoHandler
{
    public string Kind => TouchUndo.PlannedKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var planned = await ctx.Db.Touches.FirstOrDefaultAsync(a => a.Id == id && a.Status == TouchStatus.Planned, ct);
        if (planned is null)
        {
            return;
        }

        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == planned.ClientId, ct);
        ctx.Db.Touches.Remove(planned);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
    }
}
