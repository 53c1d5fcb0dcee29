using ChatCrm.Bot.Data;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// Runs a command or a button by name: the one place where roles are checked, and where a rule
/// refusing a change (a <see cref="DomainException"/>) becomes a clear reply instead of an error.
/// </summary>
public sealed class CommandRunner(IServiceProvider services)
{
    public Task RunCommandAsync(BotContext ctx, string name, string args, CancellationToken ct) =>
        RunCommandAsync(ctx, name, args, button: false, ct);

    private async Task RunCommandAsync(BotContext ctx, string name, string args, bool button, CancellationToken ct)
    {
        if (CommandTable.Find(name) is not { } route)
        {
            ctx.Reply(ctx.T.UnknownCommand(name));
            return;
        }

        if (Authorise(ctx, route.MinRole, "/" + name, button ? ctx.T.NotAllowed(name, route.MinRole) : null))
        {
            var handler = (ICommandHandler)services.GetRequiredService(route.Handler);
            await Refusing(ctx, () => handler.HandleAsync(ctx, args, ct), ct);
        }
    }

    /// <summary>
    /// A file sent as a document goes to <see cref="CommandTable.Documents"/>, authorised like a command: a refusal is
    /// said in the handler's own words and audited.
    /// </summary>
    public async Task RunDocumentAsync(BotContext ctx, IncomingFile file, CancellationToken ct)
    {
        var route = CommandTable.Documents;
        if (!ctx.User.Role.Includes(route.MinRole))
        {
            ctx.Reply(route.Refusal(ctx.T));
            ctx.Audit.Record(AuditActions.AccessDenied, route.What, ctx.User.Role.Code(), route.MinRole.Code());
            return;
        }

        var handler = (IDocumentHandler)services.GetRequiredService(route.Handler);
        await Refusing(ctx, () => handler.HandleAsync(ctx, file, ct), ct);
    }

    public async Task RunCallbackAsync(BotContext ctx, string data, CancellationToken ct)
    {
        var parts = data.Split(':');
        if (parts[0] == CommandTable.RunPrefix && parts.Length == 2)
        {
            ctx.User.EndDialog();
            ctx.SourceMessageId = null;
            await RunCommandAsync(ctx, parts[1], "", button: true, ct);
        }
        else if (CommandTable.FindCallback(parts) is not var (route, args))
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }
        else if (Authorise(ctx, route.MinRole, route.Prefix, ctx.T.NotAllowedButton(route.MinRole)))
        {
            var handler = (ICallbackHandler)services.GetRequiredService(route.Handler);
            await Refusing(ctx, () => handler.HandleAsync(ctx, args, ct), ct);
        }
    }

    /// <summary>
    /// Entities guard their own rules by throwing; the user hears which rule in one sentence. The
    /// handler's half-made changes are never saved: the update's transaction is rolled back to where the handler
    /// began. What came before the handler (the pipeline's <c>EndDialog()</c> and <c>Seen()</c>, a command menu, an
    /// earlier command of the same update) is written first, so the rollback cannot take it along. The savepoint is
    /// taken just before the handler's first write (<see cref="LazySavepoints"/>): a handler that only reads runs without
    /// one, and its refusal has only its unsaved changes to forget.
    /// </summary>
    private static async Task Refusing(BotContext ctx, Func<Task> handler, CancellationToken ct)
    {
        const string savepoint = "handler";
        var db = ctx.Db;
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Handlers run inside the update's transaction.");
        await db.SaveChangesAsync(ct);
        var outer = db.PendingSavepoint;
        var mine = new PendingSavepoint(savepoint, outer);
        if (!LazySavepoints.WatchesOver(db))
        {
            await mine.TakeAsync(tx.GetDbTransaction(), ct);
        }

        db.PendingSavepoint = mine;
        try
        {
            await handler();
        }
        catch (DomainException e)
        {
            // Whatever the handler wrote or staged before the rule said no is undone, saved or not; the user is read
            // back as the savepoint left them, so a change the handler made to them is undone too.
            db.PendingSavepoint = outer;
            if (mine.Taken)
            {
                await tx.RollbackToSavepointAsync(savepoint, ct);
            }

            db.ChangeTracker.Clear();
            await db.Attach(ctx.User).ReloadAsync(ct);
            ctx.Undo.ForgetChanges();
            ctx.Reply(ctx.T.Error(e.Error, e.Detail));
        }
        finally
        {
            db.PendingSavepoint = outer;
        }
    }

    /// <summary>
    /// The one place roles are checked. A refusal is answered once and audited: a typed command with a message naming
    /// it, a button with <paramref name="buttonRefusal"/> as the tap's toast — it speaks of the action (the command a
    /// menu button stands for, or "this button"), never of the button's internal prefix.
    /// </summary>
    private static bool Authorise(BotContext ctx, Role required, string what, string? buttonRefusal = null)
    {
        if (ctx.User.Role.Includes(required))
        {
            return true;
        }

        if (buttonRefusal is null)
        {
            ctx.Reply(ctx.T.NotAllowed(what.TrimStart('/'), required));
        }
        else
        {
            ctx.CallbackToast = buttonRefusal;
        }

        ctx.Audit.Record(AuditActions.AccessDenied, what, ctx.User.Role.Code(), required.Code());
        return false;
    }
}
