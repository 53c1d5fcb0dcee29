using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Outbox;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot.Types;

namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// The front door every transport calls: throttles each sender, runs the update in its own scope and
/// transaction, turns a handler failure into a logged error and an apology (never a redelivery loop),
/// and wakes the dispatcher once the reply is committed.
/// </summary>
public sealed class UpdatePipeline(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    ILogger<UpdatePipeline> log) : IDisposable
{
    // A person tapping quickly stays well inside this; a script hammering the bot does not.
    private readonly PartitionedRateLimiter<long> _perUser = PartitionedRateLimiter.Create<long, long>(id =>
        RateLimitPartition.GetTokenBucketLimiter(id, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = 30,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private readonly ConcurrentDictionary<long, byte> _warned = new();

    /// <summary>Processes one update; returns normally once its effect is committed (or it is dropped on purpose).</summary>
    public async Task ProcessAsync(Update update, CancellationToken ct)
    {
        if (UpdateShape.Problem(update) is { } problem)
        {
            log.LogWarning("Dropped update {UpdateId}: {Problem}", update.Id, problem);
            return;
        }

        UpdateText.Clean(update);

        var senderId = update.Message?.From?.Id ?? update.CallbackQuery?.From?.Id ?? update.MyChatMember?.From?.Id;
        if (senderId is null)
        {
            return;
        }

        using var lease = _perUser.AttemptAcquire(senderId.Value);
        if (!lease.IsAcquired)
        {
            if (_warned.TryAdd(senderId.Value, 0))
            {
                log.LogWarning("Rate limit: dropping updates from user {UserId} until they slow down", senderId);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<UpdateProcessor>().WarnSlowDownAsync(update, ct);
                signal.Notify();
            }

            return;
        }

        _warned.TryRemove(senderId.Value, out _);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpdateProcessor>().ProcessAsync(update, ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            log.LogDebug("Update {UpdateId} was already committed by a concurrent delivery", update.Id);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Handling update {UpdateId} failed; the user gets an apology", update.Id);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpdateProcessor>().ApologiseAsync(update, ct);
        }

        signal.Notify();
    }

    public void Dispose() => _perUser.Dispose();
}
