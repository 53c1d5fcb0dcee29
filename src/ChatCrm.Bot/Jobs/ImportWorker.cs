using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Jobs;

/// <summary>
/// Runs confirmed imports in the background, one batch (one transaction) at a time, oldest import first. At start it
/// picks up an import a stopped run left <see cref="ImportStatus.Running"/>: it goes on after the last committed batch.
/// </summary>
internal sealed class ImportWorker(ImportRun run, OutboxSignal outbox, IOptions<ImportOptions> options, ILogger<ImportWorker> log) : BackgroundService
{
    // Looking for a confirmed import is one indexed read of a tiny table.
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!options.Value.Worker)
        {
            return;
        }

        while (!ct.IsCancellationRequested)
        {
            try
            {
                var running = await run.RunningAsync(ct);
                foreach (var id in running)
                {
                    while (!ct.IsCancellationRequested && await run.RunBatchAsync(id, ct))
                    {
                        outbox.Notify();
                    }

                    outbox.Notify();
                }

                await Task.Delay(Idle, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The batch rolled back whole; it is tried again from the last committed one.
                log.LogError(e, "An import batch failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
