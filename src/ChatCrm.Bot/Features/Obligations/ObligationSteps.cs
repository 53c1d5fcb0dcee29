using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>What recording an invoice, a payment or a shipment has in common: settling, saving, undo, audit.</summary>
internal static class ObligationSteps
{
    public const string UndoKind = "obligation";

    /// <summary>
    /// Adds the obligation, re-applies the deal's payments to its invoices (<see cref="Obligation.Settle"/>) and
    /// returns what is still owed. Saves, because /undo needs the new row's id.
    /// </summary>
    public static async Task<decimal> AddAndSaveAsync(BotContext ctx, Deal deal, Obligation obligation, string undoDescription, CancellationToken ct)
    {
        var existing = await ctx.Db.Obligations.Where(o => o.DealId == deal.Id).ToListAsync(ct);
        ctx.Db.Obligations.Add(obligation);
        var owed = Obligation.Settle([.. existing, obligation]);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.RecordUndo(UndoKind, obligation.Id.ToString(CultureInfo.InvariantCulture), undoDescription);
        ctx.Audit($"obligation.{obligation.Kind.ToString().ToLowerInvariant()}", $"deal #{deal.Id}", null,
            obligation.Amount?.ToString(CultureInfo.InvariantCulture));
        return owed;
    }

    /// <summary>The moment echoed back in words, so a misread date is visible: «вчера, вт 24 ноября».</summary>
    public static string Describe(BotContext ctx, WhenPhrase? when) =>
        WhenFormatter.Describe(when ?? new WhenPhrase(ctx.LocalNow, ctx.Now, HasTime: true, 0), ctx.Now, ctx.Zone, ctx.T.Language.Code());

    public static string FirstWord(string text) =>
        text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? text;
}

/// <summary>/undo of an invoice, a payment or a shipment: the row goes and the deal's invoices are settled again.</summary>
internal sealed class UndoObligation : IUndoHandler
{
    public string Kind => ObligationSteps.UndoKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var obligation = await ctx.Db.Obligations.FirstAsync(o => o.Id == id, ct);
        var others = await ctx.Db.Obligations.Where(o => o.DealId == obligation.DealId && o.Id != id).ToListAsync(ct);
        ctx.Db.Obligations.Remove(obligation);
        Obligation.Settle(others);
        ctx.Audit("obligation.undo", $"deal #{obligation.DealId}", obligation.Kind.ToString(),
            obligation.Amount?.ToString(CultureInfo.InvariantCulture));
    }
}
