using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ChatCrm.Bot.Data;

/// <summary>
/// A savepoint that is taken only if it will be needed: just before the first command that may write, not when the
/// handler it guards starts. A handler that only reads (/cancel, /help, /today and most buttons that show something)
/// then runs without one — one statement less under the write lock for most updates — and a refusal
/// (<c>DomainException</c>) of such a handler has nothing in the database to take back. Outer first: a handler run from
/// within another (a picked option running its command) takes the outer one's savepoint before its own.
/// </summary>
internal sealed class PendingSavepoint(string name, PendingSavepoint? outer)
{
    public string Name { get; } = name;
    public PendingSavepoint? Outer { get; } = outer;

    /// <summary>True once the savepoint exists in the database, so a refusal must roll back to it.</summary>
    public bool Taken { get; private set; }

    public void Take(DbTransaction transaction)
    {
        if (Taken)
        {
            return;
        }

        Outer?.Take(transaction);
        transaction.Save(Name);
        Taken = true;
    }

    public async Task TakeAsync(DbTransaction transaction, CancellationToken ct)
    {
        if (Taken)
        {
            return;
        }

        if (Outer is not null)
        {
            await Outer.TakeAsync(transaction, ct);
        }

        await transaction.SaveAsync(Name, ct);
        Taken = true;
    }
}

/// <summary>
/// Takes a context's <see cref="ChatCrmDbContext.PendingSavepoint"/> before any command that is not a plain
/// <c>SELECT</c>: what EF sends for <c>SaveChanges</c>, <c>ExecuteUpdate</c>, <c>ExecuteDelete</c> and raw SQL alike.
/// A command it cannot tell is treated as a write (a savepoint too many costs a statement; one too few would lose a
/// refusal's rollback).
/// </summary>
internal sealed class LazySavepoints : DbCommandInterceptor
{
    public static readonly LazySavepoints Instance = new();

    /// <summary>True when <paramref name="db"/> was built with this interceptor (every context the host makes is); otherwise take savepoints at once.</summary>
    public static bool WatchesOver(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(Instance) == true;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Take(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Take(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(command, eventData, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Take(command, eventData);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(command, eventData, cancellationToken);
        return result;
    }

    private static void Take(DbCommand command, CommandEventData eventData)
    {
        if (Due(command, eventData) is { } pending)
        {
            pending.Take(command.Transaction!);
        }
    }

    private static Task TakeAsync(DbCommand command, CommandEventData eventData, CancellationToken ct) =>
        Due(command, eventData) is { } pending ? pending.TakeAsync(command.Transaction!, ct) : Task.CompletedTask;

    private static PendingSavepoint? Due(DbCommand command, CommandEventData eventData) =>
        eventData.Context is ChatCrmDbContext { PendingSavepoint: { Taken: false } pending } && command.Transaction is not null && !IsRead(command.CommandText)
            ? pending
            : null;

    /// <summary>One <c>SELECT</c> statement (EF's queries): nothing to take back.</summary>
    internal static bool IsRead(string sql)
    {
        var text = sql.AsSpan().Trim();
        if (!text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var end = text.IndexOf(';');
        return end < 0 || end == text.Length - 1;
    }
}
