using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>A deal the user may work on, the amount after its number and the words after the amount.</summary>
internal sealed record DealAmount(Deal Deal, decimal Amount, string Rest);

/// <summary>What recording an invoice, a payment or a shipment has in common: settling, saving, undo, audit.</summary>
internal static class ObligationSteps
{
    public const string UndoKind = "obligation";

    /// <summary>
    /// The opening of /invoice and /paid: the deal, then the amount. Null once the user has been answered — with
    /// <paramref name="usage"/> when the number or the amount is missing, with the word that is no amount otherwise.
    /// </summary>
    public static async Task<DealAmount?> RequireAmountAsync(BotContext ctx, string command, string args, Func<Texts, Reply> usage, CancellationToken ct)
    {
        if (await DealFinder.RequireAsync(ctx, command, args, usage, ct) is not { Deal: var deal } found)
        {
            return null;
        }

        if (AmountParser.TryParsePrefix(found.Rest) is not { } amount)
        {
            ctx.Reply(found.Rest.Length == 0 ? usage(ctx.T) : ctx.T.AmountUnreadable(FirstWord(found.Rest)));
            return null;
        }

        return new DealAmount(deal, amount.Value, found.Rest[amount.Length..]);
    }

    /// <summary>
    /// Adds the obligation (and <paramref name="alongside"/>, an expected shipment given with an invoice), re-applies
    /// the deal's payments and shipments (<see cref="Obligation.Settle"/>) and returns what is still owed. Saves,
    /// because /undo needs the new rows' ids; one /undo takes back both.
    /// </summary>
    public static async Task<decimal> AddAndSaveAsync(BotContext ctx, Deal deal, Obligation obligation, string undoDescription, CancellationToken ct,
        Obligation? alongside = null)
    {
        var existing = await ctx.Db.Obligations.Where(o => o.DealId == deal.Id).ToListAsync(ct);
        List<Obligation> added = alongside is null ? [obligation] : [obligation, alongside];
        ctx.Db.Obligations.AddRange(added);
        var owed = Obligation.Settle([.. existing, .. added]);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Undo.Record(UndoKind, string.Join(',', added.Select(o => o.Id.ToString(CultureInfo.InvariantCulture))), undoDescription);
        foreach (var o in added)
        {
            ctx.Audit.Record($"obligation.{o.Kind.ToString().ToLowerInvariant()}", $"deal #{deal.Id}", null,
                o.Amount?.ToString(CultureInfo.InvariantCulture));
        }

        return owed;
    }

    /// <summary>The moment echoed back in words, so a misread date is visible: «вчера, вт 24 ноября».</summary>
    public static string Describe(BotContext ctx, WhenPhrase? when) =>
        WhenFormatter.Describe(when ?? new WhenPhrase(ctx.LocalNow, ctx.Now, HasTime: true, 0), ctx.Now, ctx.Zone, ctx.T.Language.Code());

    private static string FirstWord(string text) =>
        text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? text;
}

/// <summary>/undo of an invoice, a payment or a shipment: the rows go and the deal's invoices and shipments are settled again.</summary>
internal sealed class UndoObligation : IUndoHandler
{
    public string Kind => ObligationSteps.UndoKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var ids = data.Split(',').Select(i => long.Parse(i, CultureInfo.InvariantCulture)).ToList();
        var undone = await ctx.Db.Obligations.Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var dealId = undone[0].DealId;
        var others = await ctx.Db.Obligations.Where(o => o.DealId == dealId && !ids.Contains(o.Id)).ToListAsync(ct);
        ctx.Db.Obligations.RemoveRange(undone);
        Obligation.Settle(others);
        foreach (var obligation in undone)
        {
            ctx.Audit.Record(AuditActions.ObligationUndo, $"deal #{obligation.DealId}", obligation.Kind.ToString(),
                obligation.Amount?.ToString(CultureInfo.InvariantCulture));
        }
    }
}
