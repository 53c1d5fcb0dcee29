using System.Security.Cryptography;
using System.Text;
using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// Whether this instance is the one that sends. Telegram's limits are per token, whatever the number of processes, so
/// exactly one instance may send; the dispatcher and the <c>chatcrm.sender.lease_holder</c> gauge read it from here.
/// </summary>
public interface ISenderLease
{
    /// <summary>True while this instance holds the right to send.</summary>
    bool Held { get; }

    /// <summary>Grows each time this instance gains the lease: the dispatcher starts afresh on a new term.</summary>
    int Term { get; }

    /// <summary>
    /// Marks a pending row as in flight, just before it is handed to Telegram, if this instance still holds the lease
    /// (on PostgreSQL checked in the same statement, so an instance that lost the lease without noticing sends nothing).
    /// False: the row is no longer pending (another sender took it) or the lease is gone; do not send it.
    /// </summary>
    Task<bool> ClaimAsync(ChatCrmDbContext db, long rowId, DateTime nowUtc, CancellationToken ct);
}

/// <summary>
/// The sender lease. On SQLite there is one process, and it always sends. On PostgreSQL a row in <c>SenderLeases</c>
/// per bot token names the holder: it renews the row every <see cref="RenewEvery"/> for <see cref="Ttl"/>; a standby
/// tries as often and takes the row over once it has expired, so a dead holder is replaced within
/// <see cref="Ttl"/> + <see cref="RenewEvery"/> (12 s). The database server's clock times the row; locally the holder
/// counts itself the holder for <see cref="Ttl"/> − <see cref="Margin"/> after the start of its last successful renewal,
/// so it has stopped before anybody else may start. A holder that stops cleanly gives the lease up at once.
/// </summary>
internal sealed class SenderLease(
    IOptions<DatabaseOptions> database,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    DatabaseOutage outage,
    ILogger<SenderLease> log) : BackgroundService, ISenderLease
{
    internal static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);
    private const string Source = "sender lease";

    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly bool _shared = database.Value.IsPostgres;
    private long _heldUntilTicks;
    private int _term;

    /// <summary>This instance's name in the lease row, the logs and the metrics: <c>Instance:Name</c>, else host and process.</summary>
    public string Instance { get; } = InstanceName(configuration);

    /// <summary>The lease row's key: the bot token's hash, so two bots may share a database and no token is stored.</summary>
    public string Name { get; } = LeaseName(configuration["Telegram:BotToken"]);

    public bool Held => !_shared || _clock.GetTimestamp() < Interlocked.Read(ref _heldUntilTicks);

    public int Term => _shared ? Volatile.Read(ref _term) : 1;

    public async Task<bool> ClaimAsync(ChatCrmDbContext db, long rowId, DateTime nowUtc, CancellationToken ct)
    {
        if (!_shared)
        {
            return await db.Outbox.Where(m => m.Id == rowId && m.Status == OutboxStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingAt, nowUtc), ct) == 1;
        }

        var pending = (int)OutboxStatus.Pending;
        return await db.Database.ExecuteSqlAsync($"""
            UPDATE "Outbox" SET "SendingAt" = {nowUtc}
            WHERE "Id" = {rowId} AND "Status" = {pending}
              AND EXISTS (SELECT 1 FROM "SenderLeases" WHERE "Name" = {Name} AND "Holder" = {Instance} AND "ExpiresAt" > clock_timestamp())
            """, ct) == 1;
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!_shared)
        {
            return;
        }

        while (!ct.IsCancellationRequested)
        {
            var started = _clock.GetTimestamp();
            try
            {
                var (epoch, holder) = await TryHoldAsync(ct);
                outage.Succeeded(Source);
                if (epoch is not null)
                {
                    var wasHeld = Held;
                    Interlocked.Exchange(ref _heldUntilTicks, started + (long)((Ttl - Margin).TotalSeconds * _clock.TimestampFrequency));
                    if (!wasHeld)
                    {
                        Interlocked.Increment(ref _term);
                        log.LogWarning("This instance ({Instance}) now sends for the bot (lease term {Epoch})", Instance, epoch);
                        signal.Wake();
                    }
                }
                else if (Interlocked.Exchange(ref _heldUntilTicks, 0) > 0 && holder is not null)
                {
                    log.LogWarning("{Holder} took over sending; this instance ({Instance}) stands by", holder, Instance);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Held lapses by itself if renewals keep failing: nothing to undo here.
                if (!outage.Failed(Source, e))
                {
                    log.LogError(e, "Could not renew the sender lease; retrying");
                }
            }

            await Task.Delay(RenewEvery, _clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_shared || Interlocked.Exchange(ref _heldUntilTicks, 0) == 0)
        {
            return;
        }

        // The dispatcher stopped before this (hosted services stop in reverse order): hand over now, not in 10 s.
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "SenderLeases" SET "ExpiresAt" = clock_timestamp() - interval '1 second'
                WHERE "Name" = {Name} AND "Holder" = {Instance}
                """, cancellationToken);
            log.LogInformation("This instance ({Instance}) gave up sending on its way out", Instance);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogWarning("Could not give up the sender lease on stop ({Error}); a standby takes over when it expires", e.Message);
        }
    }

    /// <summary>Renews the lease, or takes it over if it has expired; else returns who holds it.</summary>
    private async Task<(long? Epoch, string? Holder)> TryHoldAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        var ttl = Ttl.TotalSeconds;
        var epochs = await db.Database.SqlQuery<long>($"""
            INSERT INTO "SenderLeases" ("Name", "Holder", "Epoch", "ExpiresAt")
            VALUES ({Name}, {Instance}, 1, clock_timestamp() + make_interval(secs => {ttl}))
            ON CONFLICT ("Name") DO UPDATE SET
                "Holder" = EXCLUDED."Holder",
                "Epoch" = CASE WHEN "SenderLeases"."Holder" = EXCLUDED."Holder" THEN "SenderLeases"."Epoch" ELSE "SenderLeases"."Epoch" + 1 END,
                "ExpiresAt" = EXCLUDED."ExpiresAt"
            WHERE "SenderLeases"."Holder" = EXCLUDED."Holder" OR "SenderLeases"."ExpiresAt" < clock_timestamp()
            RETURNING "Epoch" AS "Value"
            """).ToListAsync(ct);
        if (epochs.Count == 1)
        {
            return (epochs[0], null);
        }

        var holder = await db.SenderLeases.AsNoTracking().Where(l => l.Name == Name).Select(l => l.Holder).FirstOrDefaultAsync(ct);
        return (null, holder);
    }

    /// <summary>
    /// <c>Instance:Name</c>, else host, process and a few random digits: two hosts in one process (tests) or a process
    /// restarted with the same id must never pass for the same holder.
    /// </summary>
    internal static string InstanceName(IConfiguration configuration) =>
        configuration["Instance:Name"] is { Length: > 0 } name
            ? name[..Math.Min(name.Length, 200)]
            : $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";

    private static string LeaseName(string? token) =>
        "telegram:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")))[..16];
}
