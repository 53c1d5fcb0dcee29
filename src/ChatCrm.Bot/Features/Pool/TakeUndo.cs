using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Pool;

/// <summary>
/// /undo of a take: the client goes back to the pool — only while it is still the user's (one conditional update, as
/// the take itself); handed on by a head meanwhile, it stays, and the user is told who has it.
/// </summary>
internal sealed class TakeUndo : IUndoHandler
{
    public string Kind => TakeFromPool.UndoKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var back = await ctx.Db.Clients.Where(c => c.Id == id && c.OwnerUserId == ctx.User.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerUserId, (long?)null), ct);
        if (back == 0)
        {
            var owner = await ctx.Db.Clients.Where(c => c.Id == id).Select(c => c.OwnerUserId).FirstOrDefaultAsync(ct);
            var name = owner is { } o ? await ctx.Db.Users.Where(u => u.Id == o).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
            throw new DomainException(DomainError.TakenClientMovedOn, name);
        }

        if (ctx.Db.ChangeTracker.Entries<Client>().FirstOrDefault(e => e.Entity.Id == id) is { } tracked)
        {
            await tracked.ReloadAsync(ct);
        }
    }
}
