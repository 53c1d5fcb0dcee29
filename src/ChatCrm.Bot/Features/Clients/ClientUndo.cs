using System.Globalization;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Bot.Pipeline;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// /undo of a created client: it goes with the touches and plans logged on it since. A client that already has a
/// deal stays (the deal is real work; take it back first), which the user is told.
/// </summary>
internal sealed class ClientUndo : IUndoHandler
{
    public string Kind => CreateClient.UndoKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var client = await ctx.Db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return;
        }

        if (await ctx.Db.Deals.AnyAsync(d => d.ClientId == id, ct))
        {
            throw new DomainException(DomainError.DealNotClosed, client.Name);
        }

        ctx.Db.Activities.RemoveRange(await ctx.Db.Activities.Where(a => a.ClientId == id).ToListAsync(ct));
        ctx.Db.ContactPeople.RemoveRange(await ctx.Db.ContactPeople.Where(p => p.ClientId == id).ToListAsync(ct));
        ctx.Db.Clients.Remove(client);
        ctx.Audit("client.removed", client.Name);
    }
}
