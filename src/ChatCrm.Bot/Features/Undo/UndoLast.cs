using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Undo;

/// <summary>Knows how to take back one kind of change recorded with <see cref="UndoRecorder.Record"/>.</summary>
public interface IUndoHandler
{
    string Kind { get; }

    Task UndoAsync(BotContext ctx, string data, CancellationToken ct);
}

/// <summary>/undo: takes back the user's own last change if it is less than ten minutes old.</summary>
internal sealed class UndoLast(IEnumerable<IUndoHandler> handlers) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var last = await ctx.Db.UndoLog
            .Where(u => u.UserId == ctx.User.Id && u.UndoneAt == null)
            .OrderByDescending(u => u.At).ThenByDescending(u => u.Id)
            .FirstOrDefaultAsync(ct);
        if (last is null)
        {
            ctx.Reply(ctx.T.NothingToUndo());
            return;
        }

        if (!last.CanUndoAt(ctx.Now))
        {
            ctx.Reply(ctx.T.UndoTooLate(last.Description));
            return;
        }

        if (last.Kind == UndoEntry.Irreversible)
        {
            ctx.Reply(ctx.T.CannotUndo(last.Description));
            return;
        }

        var handler = handlers.FirstOrDefault(h => h.Kind == last.Kind)
            ?? throw new InvalidOperationException($"No undo handler for '{last.Kind}'.");
        await handler.UndoAsync(ctx, last.Data, ct);
        ctx.Undo.ForgetChanges(); // what the undo itself changed is not a new change: a second /undo goes one further back
        last.MarkUndone(ctx.Now);
        ctx.Audit.Record(AuditActions.Undo, last.Kind, last.Description);
        ctx.Reply(ctx.T.Undone(last.Description));
    }
}
