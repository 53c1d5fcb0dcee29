using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Clients;

/// <summary>
/// /undo of a created client: it goes with the user's own touches and plans on it. A client that has a deal by
/// now, or that a colleague has logged or planned work on, stays: that is real work, and deals are never deleted.
/// The refusal names the deal (and how to close it) or the colleague, changes nothing, and leaves the undo entry
/// as it was, like a refused deal undo.
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

        // The open deal is the one worth naming: it is the one the user can still close.
        var deal = await ctx.Db.Deals.Where(d => d.ClientId == id)
            .OrderBy(d => d.Status == DealStatus.Open ? 0 : 1).ThenByDescending(d => d.Id)
            .Select(d => (long?)d.Id).FirstOrDefaultAsync(ct);
        if (deal is { } number)
        {
            throw new DomainException(DomainError.ClientHasDeal, number.ToString(CultureInfo.InvariantCulture));
        }

        var colleague = await ctx.Db.Touches.Where(a => a.ClientId == id && a.UserId != ctx.User.Id)
            .Join(ctx.Db.Users, a => a.UserId, u => u.Id, (a, u) => u.DisplayName)
            .FirstOrDefaultAsync(ct);
        if (colleague is not null)
        {
            throw new DomainException(DomainError.ClientWorkedOnByOthers, colleague);
        }

        ctx.Db.Touches.RemoveRange(await ctx.Db.Touches.Where(a => a.ClientId == id).ToListAsync(ct));
        ctx.Db.ContactPeople.RemoveRange(await ctx.Db.ContactPeople.Where(p => p.ClientId == id).ToListAsync(ct));
        ctx.Db.Clients.Remove(client);
        ctx.Audit.Record(AuditActions.ClientRemoved, client.Name);
    }
}
