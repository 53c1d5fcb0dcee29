using System.Text.Json;
using ChatCrm.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// Runs the updates that arrived faster than their sender's rate: oldest first for each sender, one per token of that
/// sender's bucket, through the same <see cref="UpdatePipeline.RunAsync"/> as a fresh update (same dedup, transaction
/// and apology). Each row is deleted in its effect's transaction. At start it picks up what a previous run left
/// waiting, before any transport starts taking new updates.
/// </summary>
internal sealed class WaitingUpdatesWorker(
    UpdatePipeline pipeline,
    UserLanes lanes,
    WaitingSignal signal,
    IServiceScopeFactory scopes,
    TimeProvider time,
    DatabaseOutage outage,
    ILogger<WaitingUpdatesWorker> log) : BackgroundService
{
    private const string Source = "waiting updates";

    // With nothing waiting the worker only forgets finished bursts; a stored update wakes it at once.
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);

    // A row that keeps failing (its apology cannot even be written) must not hold its sender's queue forever.
    private const int MaxAttempts = 5;

    private readonly Dictionary<long, int> _failures = [];

    public override async Task StartAsync(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
            var waiting = await db.WaitingUpdates.GroupBy(w => w.SenderTelegramId)
                .Select(g => new { SenderId = g.Key, Count = g.Count() })
                .ToListAsync(ct);
            lanes.Restore(waiting.Select(w => (w.SenderId, w.Count)));
            if (waiting.Count > 0)
            {
                log.LogInformation("{Count} updates from {Senders} users were waiting their turn; running them now",
                    waiting.Sum(w => w.Count), waiting.Count);
            }
        }

        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var senderId in lanes.TakeReady())
                {
                    await RunOldestAsync(senderId, ct);
                    outage.Succeeded(Source);
                }

                await signal.WaitAsync(lanes.NextDue() ?? IdleCheck, time, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database is away: what waits stays stored and is tried again (the outage is logged once a minute).
                if (!outage.Failed(Source, e))
                {
                    log.LogError(e, "Running waiting updates failed; trying again shortly");
                }

                await Task.Delay(TimeSpan.FromSeconds(1), time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task RunOldestAsync(long senderId, CancellationToken ct)
    {
        WaitingUpdate? row;
        await using (var scope = scopes.CreateAsyncScope())
        {
            row = await scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>().WaitingUpdates.AsNoTracking()
                .Where(w => w.SenderTelegramId == senderId).OrderBy(w => w.Id).FirstOrDefaultAsync(ct);
        }

        if (row is null)
        {
            lanes.Ran(senderId);
            return;
        }

        try
        {
            var update = JsonSerializer.Deserialize<Update>(row.Json, JsonBotAPI.Options)
                ?? throw new JsonException($"Waiting update {row.UpdateId} is empty");
            await pipeline.RunAsync(update, row.Id, ct);
            // Normally gone with the effect; not when a concurrent delivery had committed the update first.
            await DeleteAsync(row.Id, ct);
            _failures.Remove(row.Id);
            lanes.Ran(senderId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var attempts = _failures[row.Id] = _failures.GetValueOrDefault(row.Id) + 1;
            // A busy or unreachable database is no reason to give a waiting update up: it is tried until it commits.
            if (attempts < MaxAttempts || DbErrors.IsTransient(e))
            {
                throw;
            }

            log.LogError(e, "Waiting update {UpdateId} failed {Attempts} times; giving it up so the user's later updates can run", row.UpdateId, attempts);
            await DeleteAsync(row.Id, ct);
            _failures.Remove(row.Id);
            lanes.Ran(senderId);
        }
    }

    private async Task DeleteAsync(long waitingId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>().WaitingUpdates.Where(w => w.Id == waitingId).ExecuteDeleteAsync(ct);
    }
}
