using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Deals;

/// <summary>What /undo needs to take back a move, a win, a loss or a reopening.</summary>
internal sealed record DealChangeUndo(long DealId, long ChangeId, DealState Before)
{
    public const string Kind = "deal.change";

    /// <summary>Saves first: the history row's id is how the undo knows nothing happened to the deal since.</summary>
    public static async Task SaveAndRecordAsync(BotContext ctx, Deal deal, DealState before, StageChange change, string description, CancellationToken ct)
    {
        ctx.Db.StageChanges.Add(change);
        await ctx.Db.SaveChangesAsync(ct);
        ctx.Undo.Record(Kind, JsonSerializer.Serialize(new DealChangeUndo(deal.Id, change.Id, before)), description);
    }
}

/// <summary>
/// Puts the deal back as it was and removes the history row the change added, so the history reads as if the
/// change never happened. Refused once anyone has changed the deal again.
/// </summary>
internal sealed class UndoDealChange : IUndoHandler
{
    public string Kind => DealChangeUndo.Kind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var undo = JsonSerializer.Deserialize<DealChangeUndo>(data) ?? throw new InvalidOperationException("Empty deal undo.");
        var deal = await ctx.Db.Deals.FirstAsync(d => d.Id == undo.DealId, ct);
        var latest = await ctx.Db.StageChanges.Where(c => c.DealId == deal.Id).OrderByDescending(c => c.Id).FirstAsync(ct);
        if (latest.Id != undo.ChangeId)
        {
            throw new DomainException(DomainError.ChangedSince, deal.Id.ToString(CultureInfo.InvariantCulture));
        }

        deal.Restore(undo.Before);
        ctx.Db.StageChanges.Remove(latest);
        ctx.Audit.Record(AuditActions.DealUndo, $"deal #{deal.Id}", latest.Kind.ToString(), undo.Before.EnteredStageName);
        await StageArrivals.FollowAsync(ctx, deal, ct);
    }
}

/// <summary>/undo of /deal: the deal and its "opened" row go, unless work on it has begun since.</summary>
internal sealed class UndoDealOpened : IUndoHandler
{
    public const string DealOpenedKind = "deal.open";

    public string Kind => DealOpenedKind;

    public async Task UndoAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var id = long.Parse(data, CultureInfo.InvariantCulture);
        var deal = await ctx.Db.Deals.FirstAsync(d => d.Id == id, ct);
        var history = await ctx.Db.StageChanges.Where(c => c.DealId == id).ToListAsync(ct);
        if (history.Count != 1
            || await ctx.Db.Obligations.AnyAsync(o => o.DealId == id, ct)
            || await ctx.Db.Touches.AnyAsync(a => a.DealId == id, ct))
        {
            throw new DomainException(DomainError.ChangedSince, data);
        }

        ctx.Db.DealLines.RemoveRange(await ctx.Db.DealLines.Where(l => l.DealId == id).ToListAsync(ct));
        await StageArrivals.ForgetAsync(ctx, id, ct);
        ctx.Db.StageChanges.RemoveRange(history);
        ctx.Db.Deals.Remove(deal);
        ctx.Audit.Record(AuditActions.DealUndo, $"deal #{id}", "opened");
    }
}
