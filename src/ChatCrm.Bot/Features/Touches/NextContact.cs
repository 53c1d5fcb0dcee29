using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>The client's next contact: the earliest contact still planned for them.</summary>
public static class NextContact
{
    /// <summary>
    /// Saves what is staged (the query must see the contact just planned, completed, moved or removed), then sets
    /// <see cref="Client.NextContactAt"/> to the client's earliest planned contact.
    /// </summary>
    public static async Task SaveAndUpdateAsync(BotContext ctx, Client client, CancellationToken ct)
    {
        await ctx.Db.SaveChangesAsync(ct);
        var earliest = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned)
            .MinAsync(a => a.PlannedFor, ct);
        client.SetNextContact(earliest);
    }
}
