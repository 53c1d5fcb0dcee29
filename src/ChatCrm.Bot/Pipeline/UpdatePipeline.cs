using System.Diagnostics;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Observability;
using ChatCrm.Bot.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// The front door every transport calls: runs the update in its own scope and transaction, turns a handler failure
/// into a logged error and an apology (never a redelivery loop), and wakes the dispatcher once the reply is committed.
/// A sender past their rate (<see cref="UserLanes"/>) is slowed down without losing anything: the update is stored in
/// <c>WaitingUpdates</c> before the transport acknowledges it, and <see cref="WaitingUpdatesWorker"/> runs it in turn.
/// Only abuse is refused: more than <c>Crm:MaxWaitingUpdates</c> waiting, or a deactivated user flooding.
/// </summary>
internal sealed class UpdatePipeline(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    UserLanes lanes,
    WaitingSignal waiting,
    IOptions<CrmOptions> crm,
    BotMetrics metrics,
    DatabaseOutage outage,
    ILogger<UpdatePipeline> log)
{
    private const string Source = "updates";

    private readonly int _maxWaiting = crm.Value.MaxWaitingUpdates;

    /// <summary>
    /// Handles one update; returns normally once its effect is committed, or once it is stored to wait its turn
    /// (or refused on purpose). Either way the transport may then acknowledge it.
    /// </summary>
    public async Task ProcessAsync(Update update, CancellationToken ct)
    {
        if (UpdateShape.Problem(update) is { } problem)
        {
            log.LogWarning("Dropped update {UpdateId}: {Problem}", update.Id, problem);
            metrics.Update(Kind(update), "dropped");
            return;
        }

        UpdateText.Clean(update);

        var senderId = update.Message?.From?.Id ?? update.CallbackQuery?.From?.Id ?? update.MyChatMember?.From?.Id;
        if (senderId is null)
        {
            metrics.Update(Kind(update), "dropped");
            return;
        }

        if (lanes.TryRunNow(senderId.Value) || await HoldAsync(update, senderId.Value, ct))
        {
            await RunAsync(update, waitingId: null, ct);
        }
    }

    /// <summary>
    /// Runs one update through the processor; for a waiting one, <paramref name="waitingId"/> is its row, deleted in the
    /// same transaction as the effect.
    /// </summary>
    internal async Task RunAsync(Update update, long? waitingId, CancellationToken ct)
    {
        var kind = Kind(update);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnceAsync(update, waitingId, ct);
                metrics.HandlerTime(kind, Stopwatch.GetElapsedTime(started));
                metrics.Update(kind, "handled");
                outage.Succeeded(Source);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // Another instance (or person) changed a row this update changed, between our read and our save.
                // Nothing of ours was committed, so the update runs again from the start on the fresh row.
                log.LogInformation("Update {UpdateId} met a concurrent change to the same row; running it again", update.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogWarning("Update {UpdateId} met a concurrent change twice; the user is told nothing was saved", update.Id);
                metrics.HandlerTime(kind, Stopwatch.GetElapsedTime(started));
                metrics.Update(kind, "conflict");
                await ApologiseAsync(update, waitingId, concurrentChange: true, ct);
                break;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                log.LogDebug("Update {UpdateId} was already committed by a concurrent delivery", update.Id);
                metrics.Update(kind, "duplicate");
                return;
            }
            catch (Exception e) when (DbErrors.IsTransient(e) && !ct.IsCancellationRequested)
            {
                // Not the handler's fault and not the user's: an apology would mark the update done and lose it for good.
                // Logged once per outage (and once a minute), not once per update Telegram delivers again.
                if (!outage.Failed(Source, e))
                {
                    log.LogWarning("Update {UpdateId} could not be committed now ({Error}); it is left to be delivered again", update.Id, e.GetBaseException().Message);
                }

                metrics.Update(kind, "deferred");
                throw;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogError(e, "Handling update {UpdateId} failed; the user gets an apology", update.Id);
                metrics.HandlerTime(kind, Stopwatch.GetElapsedTime(started));
                metrics.Update(kind, "failed");
                await ApologiseAsync(update, waitingId, concurrentChange: false, ct);
                break;
            }
        }

        signal.Notify();
    }

    private async Task ApologiseAsync(Update update, long? waitingId, bool concurrentChange, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UpdateProcessor>().ApologiseAsync(update, waitingId, concurrentChange, ct);
    }

    private async Task RunOnceAsync(Update update, long? waitingId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UpdateProcessor>().ProcessAsync(update, waitingId, ct);
    }

    /// <summary>Past the rate, or behind the sender's waiting updates: stores the update to wait, or refuses it. True if it may run now after all.</summary>
    private async Task<bool> HoldAsync(Update update, long senderId, CancellationToken ct)
    {
        using var turn = await lanes.TurnAsync(senderId, ct);
        if (turn.TryRunNow())
        {
            return true;
        }

        HoldOutcome outcome;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            outcome = await scope.ServiceProvider.GetRequiredService<UpdateProcessor>()
                .HoldAsync(update, senderId, turn.Waiting, _maxWaiting, tellWaiting: !turn.Told, tellRefusal: !turn.Refused, ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            log.LogDebug("Update {UpdateId} is already waiting (a concurrent delivery stored it)", update.Id);
            metrics.Update(Kind(update), "duplicate");
            return false;
        }

        switch (outcome)
        {
            case HoldOutcome.Stored or HoldOutcome.StoredAndTold:
                // Counted again with its final outcome when it runs.
                metrics.Update(Kind(update), "waiting");
                turn.Stored(told: outcome == HoldOutcome.StoredAndTold);
                waiting.Notify();
                break;
            case HoldOutcome.Refused or HoldOutcome.RefusedAndTold:
                metrics.Update(Kind(update), "refused");
                if (!turn.Refused)
                {
                    log.LogWarning("Refusing updates from user {UserId}: {Waiting} already waiting, or the user is deactivated", senderId, turn.Waiting);
                }

                turn.MarkRefused();
                break;
            case HoldOutcome.Unstorable:
                return true;
            case HoldOutcome.Duplicate:
                metrics.Update(Kind(update), "duplicate");
                break;
            case HoldOutcome.Stranger:
                metrics.Update(Kind(update), "refused");
                // Nothing of a stranger's is stored, and all they can get is a polite refusal: past the rate they get nothing.
                if (!turn.Refused)
                {
                    log.LogWarning("Rate limit: dropping updates from unknown sender {UserId} until they slow down", senderId);
                }

                turn.MarkRefused();
                break;
        }

        signal.Notify();
        return false;
    }

    /// <summary>The <c>kind</c> tag of the update metrics.</summary>
    private static string Kind(Update update) => update switch
    {
        { Message: not null } => "message",
        { CallbackQuery: not null } => "callback",
        { MyChatMember: not null } => "membership",
        _ => "other",
    };
}

/// <summary>What <see cref="UpdateProcessor.HoldAsync"/> did with an update past its sender's rate.</summary>
internal enum HoldOutcome
{
    /// <summary>Stored to wait its turn.</summary>
    Stored,

    /// <summary>Stored, and the user was told their messages are being worked through.</summary>
    StoredAndTold,

    /// <summary>Not stored: too many wait already, or the user is deactivated.</summary>
    Refused,

    /// <summary>Refused, and the user was told so (once per burst) with an audit entry.</summary>
    RefusedAndTold,

    /// <summary>Already processed or already waiting: nothing to do.</summary>
    Duplicate,

    /// <summary>No user: nothing of theirs is stored.</summary>
    Stranger,

    /// <summary>Cannot be written back as JSON to wait (a field Telegram always sends is missing): it runs now instead.</summary>
    Unstorable,
}
