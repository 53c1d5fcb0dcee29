using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Activities;

/// <summary>/undo of a logged touch: the touch and the next contact named with it go, and the client's dates are recomputed.</summary>
internal sealed class TouchUndo : IUndoHandler
{
    public const string LoggedKind = "touch.logged";
    public const string PlannedKind = "contact.planned";

    public sealed record Logged(long TouchId, long? NextId);

    public string Kind => LoggedKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var logged = JsonSerializer.Deserialize<Logged>(data) ?? throw new InvalidOperationException("Empty undo data.");
        var ids = new[] { logged.TouchId, logged.NextId ?? 0 };
        var activities = await ctx.Db.Activities.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var touch = activities.FirstOrDefault(a => a.Id == logged.TouchId);
        if (touch is null)
        {
            return;
        }

        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == touch.ClientId, ct);
        // A next contact already done since is a real touch of its own and stays.
        ctx.Db.Activities.RemoveRange(activities.Where(a => a.Id == touch.Id || a.Status == ActivityStatus.Planned));
        await ctx.Db.SaveChangesAsync(ct);

        // The entity only moves its last touch forward; taking a touch back is the one case that moves it back.
        var latest = await ctx.Db.Activities
            .Where(a => a.ClientId == client.Id && a.Status == ActivityStatus.Done)
            .MaxAsync(a => a.HappenedAt, ct);
        ctx.Db.Entry(client).Property(c => c.LastTouchAt).CurrentValue = latest;
        await Contacts.RefreshNextContactAsync(ctx, client, ct);
    }
}

/// <summary>/undo of a planned contact: it is removed and the client's next contact recomputed.</summary>
internal sealed class PlannedContactUndo : IUndoHandler
{
    public string Kind => TouchUndo.PlannedKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var planned = await ctx.Db.Activities.FirstOrDefaultAsync(a => a.Id == id && a.Status == ActivityStatus.Planned, ct);
        if (planned is null)
        {
            return;
        }

        var client = await ctx.Db.Clients.FirstAsync(c => c.Id == planned.ClientId, ct);
        ctx.Db.Activities.Remove(planned);
        await Contacts.RefreshNextContactAsync(ctx, client, ct);
    }
}
