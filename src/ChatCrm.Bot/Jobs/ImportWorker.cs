using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// Runs confirmed imports in the background, one batch (one transaction) at a time, oldest import first. At start it
/// picks up an import a stopped run left <see cref="ImportStatus.Running"/>: it goes on after the last committed batch.
/// </summary>
internal sealed class ImportWorker(ImportRun run, OutboxSignal outbox, IOptions<ImportOptions> options, DatabaseOutage outage, ILogger<ImportWorker> log)
    : BackgroundService
{
    private const string Source = "import worker";

    // Looking for a confirmed import is one indexed read of a tiny table.
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.Value.Worker)
        {
            return;
        }

        // Failures in a row per import: the wait before the next try doubles, and at Import:MaxAttempts the import stops.
        var failures = new Dictionary<long, int>();
        while (!ct.IsCancellationRequested)
        {
            long? current = null;
            try
            {
                var running = await run.RunningAsync(ct);
                outage.Succeeded(Source);
                foreach (var id in running)
                {
                    current = id;
                    while (!ct.IsCancellationRequested && await run.RunBatchAsync(id, ct))
                    {
                        failures.Remove(id);
                        outbox.Notify();
                    }

                    failures.Remove(id);
                    outbox.Notify();
                }

                await Task.Delay(Idle, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (outage.Failed(Source, e))
            {
                // The database is away: no import's fault, so it counts toward no import's attempts; tried again shortly.
                await Task.Delay(options.Value.RetryDelay(1), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (Exception e)
            {
                // The batch rolled back whole; it is tried again from the last committed one, or the import is stopped.
                var failed = current is { } id ? failures[id] = failures.GetValueOrDefault(id) + 1 : 1;
                if (current is { } stop && failed >= options.Value.MaxAttempts)
                {
                    log.LogError(e, "Import {Import}: a batch failed {Failures} times in a row; stopping the import", stop, failed);
                    await GiveUpAsync(stop, ct);
                    failures.Remove(stop);
                    continue;
                }

                var wait = options.Value.RetryDelay(failed);
                log.LogError(e, "Import {Import}: a batch failed ({Failures} in a row); trying again in {Wait}", current, failed, wait);
                await Task.Delay(wait, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task GiveUpAsync(long importId, CancellationToken ct)
    {
        try
        {
            await run.StopAsync(importId, ct);
            outbox.Notify();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not even the stop could be written (the database is away): the import stays Running and is tried again.
            log.LogError(e, "Import {Import}: could not be stopped either; it will be tried again", importId);
            await Task.Delay(options.Value.RetryDelay(options.Value.MaxAttempts), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
