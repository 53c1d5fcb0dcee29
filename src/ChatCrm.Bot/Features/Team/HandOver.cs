using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Team;

/// <summary>What changed hands: clients, open deals and planned contacts.</summary>
internal readonly record struct Handed(int Clients, int Deals, int Contacts)
{
    public bool Any => Clients + Deals + Contacts > 0;
}

/// <summary>
/// Moves work between people. A client's open deals and planned contacts follow the client, so the new
/// owner sees everything; closed deals and done contacts stay with who worked them (results keep their author).
/// </summary>
internal static class HandOver
{
    public static async Task<Handed> ClientAsync(BotContext ctx, Client client, long toUserId, CancellationToken ct)
    {
        client.AssignTo(toUserId);
        var deals = await ctx.Db.Deals.Where(d => d.ClientId == client.Id && d.Status == DealStatus.Open && d.OwnerUserId != toUserId).ToListAsync(ct);
        deals.ForEach(d => d.HandOver(toUserId));
        var planned = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned && a.UserId != toUserId).ToListAsync(ct);
        planned.ForEach(a => a.HandOver(toUserId));
        return new Handed(1, deals.Count, planned.Count);
    }

    /// <summary>Everything <paramref name="fromUserId"/> owns, for a colleague who leaves.</summary>
    public static async Task<Handed> EverythingAsync(BotContext ctx, long fromUserId, long toUserId, CancellationToken ct)
    {
        var clients = await ctx.Db.Clients.Where(c => c.OwnerUserId == fromUserId).ToListAsync(ct);
        clients.ForEach(c => c.AssignTo(toUserId));
        var deals = await ctx.Db.Deals.Where(d => d.OwnerUserId == fromUserId && d.Status == DealStatus.Open).ToListAsync(ct);
        deals.ForEach(d => d.HandOver(toUserId));
        var planned = await ctx.Db.Touches.Where(a => a.UserId == fromUserId && a.Status == TouchStatus.Planned).ToListAsync(ct);
        planned.ForEach(a => a.HandOver(toUserId));
        return new Handed(clients.Count, deals.Count, planned.Count);
    }

    /// <summary>What <see cref="EverythingAsync"/> would move, counted in SQL, for the confirmation.</summary>
    public static async Task<Handed> CountAsync(BotContext ctx, long userId, CancellationToken ct) =>
        new(await ctx.Db.Clients.CountAsync(c => c.OwnerUserId == userId, ct),
            await ctx.Db.Deals.CountAsync(d => d.OwnerUserId == userId && d.Status == DealStatus.Open, ct),
            await ctx.Db.Touches.CountAsync(a => a.UserId == userId && a.Status == TouchStatus.Planned, ct));
}
