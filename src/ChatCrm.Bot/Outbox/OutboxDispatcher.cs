using System.Threading.Channels;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Observability;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The only sender. One loop decides what goes next: the most urgent row (callback answers, then
/// replies, then scheduled messages) whose chat is free, paced to Telegram's limits — about 30
/// messages a second overall and one a second per chat. A 429 pauses everything for retry_after.
/// A 5xx, a timeout or a network error means Telegram is unreachable, for everybody: all sending pauses
/// (1 s doubling to <c>Outbox:MaxOutagePause</c>, with jitter), then one message — the most urgent — probes;
/// when it goes through sending resumes at the normal pace, when it fails the pause grows. No row is given up
/// for failing during an outage: a row is given up only when it is no longer useful (its
/// <see cref="OutboxMessage.ExpiresAt"/>), and is then marked <see cref="OutboxStatus.Expired"/>, never sent.
/// 400 fails the row; 403 marks the user as having blocked the bot and fails the rest of that chat's queue.
/// Rows of one chat go out one at a time, in order.
/// </summary>
/// <remarks>
/// The rate limiters of System.Threading.RateLimiting hand out permits first come, first served;
/// here a reply typed a second ago must overtake a thousand morning plans, so the pacing is a
/// small priority scheduler of its own. Pacing and pauses run on the send clock (<paramref name="sendClock"/>, the real
/// one in production: Telegram counts real seconds). Expiry runs on the application's clock (<paramref name="time"/>),
/// the one that stamped the rows.
/// </remarks>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBotGateway gateway,
    OutboxSignal signal,
    OutboxHealth health,
    TimeProvider time,
    SendClock sendClock,
    IOptions<OutboxOptions> options,
    BotMetrics metrics,
    DatabaseOutage outage,
    ISenderLease lease,
    IOptions<DatabaseOptions> database,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private const string Source = "outbox dispatcher";

    // Telegram's limits with a margin for network jitter: ~28 a second overall, and a chat's next
    // message starts a full second after its previous one was answered, so two never land closer.
    // 36 ms: any 31 sends span 30 × 36 = 1,080 ms. The pacer at the wire keeps every gap at least this long, but what
    // Telegram counts is arrival, after the network: 34 ms (a 20 ms margin) earned a 429 in the two-instance test under
    // load, where 80 ms never has. Zero 429s weighs more than the 20 s it would take off 10,000 morning plans.
    internal static readonly TimeSpan GlobalInterval = TimeSpan.FromMilliseconds(36);

    // Paid broadcast (Telegram:AllowPaidBroadcast): up to 1,000 a second overall; ~830 leaves room for the free
    // regime's ~29 beside it and for the small catch-up below.
    internal static readonly TimeSpan PaidInterval = TimeSpan.FromMilliseconds(1.2);
    private const int PaidCatchUp = 8;
    // Paid sends leave a few of the in-flight places free, so that a reply never waits for one.
    private const int PaidInFlight = MaxInFlight - 4;
    internal static readonly TimeSpan ChatInterval = TimeSpan.FromMilliseconds(1000);
    private static readonly TimeSpan FullScanEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstOutagePause = TimeSpan.FromSeconds(1);
    private static readonly string CallbackExpired = OutboxMessage.ExpiryReason(OutboxMessage.PriorityCallback);
    private static readonly string ReplyExpired = OutboxMessage.ExpiryReason(OutboxMessage.PriorityReply);
    private static readonly string ScheduledExpired = OutboxMessage.ExpiryReason(OutboxMessage.PriorityScheduled);
    private const int MaxInFlight = 16;
    private const int MaxLoaded = 2000;
    private const int Priorities = 3;

    // Replies written faster than they may be sent wake the dispatcher again and again; reading on each wake would leave
    // it reading rather than sending (four queries a time on PostgreSQL). While rows wait, reads are this far apart.
    private static readonly TimeSpan LoadGap = TimeSpan.FromMilliseconds(200);
    private static readonly Task Never = new TaskCompletionSource().Task;

    private readonly TimeProvider _clock = sendClock.Time;
    private readonly Dictionary<long, ChatLane> _lanes = [];
    private readonly HashSet<long> _loaded = [];
    private readonly long[] _maxLoadedId = new long[Priorities];
    private readonly Channel<(OutboxMessage Row, SendResult Result)> _done = Channel.CreateUnbounded<(OutboxMessage, SendResult)>();
    private readonly List<Task> _inFlight = [];
    private readonly List<OutboxMessage> _expired = [];
    private readonly bool _commitOrder = database.Value.IsPostgres;
    private int _term;
    private long _sinceTx;
    private DateTime _nextGlobalSlot;
    private DateTime _nextPaidSlot;
    private int _paidInFlight;
    private DateTime _pausedUntil;
    private DateTime _nextFullScan;
    private DateTime _nextSweep;
    private DateTime _nextLoad;

    // Whether the last launch left a due row waiting for its regime's slot or a free place in flight: only then are
    // reads spaced by LoadGap. Without a backlog a new reply is read (and sent) at once; spacing every read cost
    // each reply up to 200 ms at 20 updates a second (p50 158 ms, p99 200 ms on the real clock).
    private bool _backlog;

    // The outage: when it began (real clock), how many tries have failed, which row is probing now, which failed last.
    private Backoff? _outagePause;
    private DateTime? _outageSince;
    private int _failedProbes;
    private long? _probeId;
    private long? _failedProbeId;

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        Task? signalled = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!lease.Held)
                {
                    // Another instance sends (or this one lost the lease): finish what is in flight, forget the rest, wait.
                    if (_term != 0)
                    {
                        await StepDownAsync();
                    }

                    signalled ??= signal.WaitAsync(ct);
                    await Task.WhenAny(signalled, Task.Delay(TimeSpan.FromMilliseconds(500), _clock, ct));
                    if (signalled.IsCompleted)
                    {
                        signalled = null;
                    }

                    continue;
                }

                if (lease.Term != _term)
                {
                    await TakeOverAsync(ct);
                    signalled = null;
                }

                if ((signalled is null || signalled.IsCompleted) && (Now >= _nextLoad || !_backlog || _loaded.Count == 0))
                {
                    var full = Now >= _nextFullScan;
                    await LoadAsync(full, ct);
                    outage.Succeeded(Source);
                    _nextLoad = Now + LoadGap;
                    signalled = signal.WaitAsync(ct);
                }

                await RecordCompletedAsync(ct);
                var wakeAt = LaunchDue();
                await ExpireSkippedAsync(ct);
                if (signalled is null || signalled.IsCompleted)
                {
                    if (!_backlog)
                    {
                        // Rows were written since the last read and nothing waits for a slot: read them now.
                        continue;
                    }

                    // Rows were written since the last read, which was a moment ago: read them once it is time.
                    await WaitAsync(Never, Min(wakeAt, _nextLoad), ct);
                }
                else
                {
                    await WaitAsync(signalled, wakeAt, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // A database hiccup must not kill the only sender; rows stay pending and are picked up again.
                // An outage is logged once (and once a minute) by DatabaseOutage, not every second here.
                if (!outage.Failed(Source, e))
                {
                    log.LogError(e, "Outbox dispatcher loop failed; retrying in a second");
                }

                _nextFullScan = DateTime.MinValue;
                await Task.Delay(TimeSpan.FromSeconds(1), _clock, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await DrainAsync();
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>The application's time, against which rows' <see cref="OutboxMessage.ExpiresAt"/> were written.</summary>
    private DateTime AppNow => time.GetUtcNow().UtcDateTime;

    private async Task LoadAsync(bool full, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        if (Now >= _nextSweep)
        {
            // At start and every few seconds: whatever has outlived its use is expired, loaded or not, even with a full backlog.
            await ExpireOverdueAsync(db, ct);
            _nextSweep = Now + FullScanEvery;
        }

        if (_loaded.Count >= MaxLoaded)
        {
            return;
        }

        var pending = db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        // PostgreSQL: every transaction below this one had finished when it was read, so the queries below see all their
        // rows; the next incremental read need only look at the transactions from here on.
        var horizon = _commitOrder
            ? await db.Database.SqlQuery<long>($"SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"").SingleAsync(ct)
            : 0;
        List<OutboxMessage> rows = [];
        if (full)
        {
            // Catches rows committed out of id order (other writers, another instance) and those left after a restart.
            rows = await pending.OrderBy(m => m.Priority).ThenBy(m => m.Id).Take(MaxLoaded).ToListAsync(ct);
            _nextFullScan = Now + FullScanEvery;
            PruneIdleLanes();
        }
        else
        {
            for (var p = 0; p < Priorities && rows.Count + _loaded.Count < MaxLoaded; p++)
            {
                var after = _maxLoadedId[p];
                var priority = p;
                var since = _sinceTx;
                // SQLite commits one writer at a time, in id order: "after the last id seen" is complete. PostgreSQL
                // commits concurrent transactions out of id order: the rows of transactions unfinished at the last read
                // are read again (those already loaded are skipped below).
                var query = _commitOrder
                    ? pending.Where(m => m.Priority == priority && (m.Id > after || EF.Property<long>(m, OutboxMessage.CommitTx) >= since))
                    : pending.Where(m => m.Priority == priority && m.Id > after);
                rows.AddRange(await query.OrderBy(m => m.Id).Take(MaxLoaded - _loaded.Count - rows.Count).ToListAsync(ct));
            }
        }

        _sinceTx = horizon;

        foreach (var row in rows)
        {
            if (_loaded.Count >= MaxLoaded || !_loaded.Add(row.Id))
            {
                continue;
            }

            var p = Math.Clamp(row.Priority, 0, Priorities - 1);
            _maxLoadedId[p] = Math.Max(_maxLoadedId[p], row.Id);
            Lane(row.ChatId).Queue.Add(row);
        }
    }

    /// <summary>Starts every send that the limits allow now; returns when the next one may be possible.</summary>
    private DateTime LaunchDue()
    {
        var now = Now;
        var appNow = AppNow;
        var wakeAt = DateTime.MaxValue;
        _backlog = false;
        while (true)
        {
            if (_inFlight.Count >= MaxInFlight)
            {
                _backlog = true;
                return wakeAt;
            }

            if (_outageSince is not null && (_probeId is not null || now < _pausedUntil))
            {
                // Telegram is unreachable: nothing goes until the pause is over, and then only one probe at a time.
                _backlog = true;
                return _probeId is not null ? wakeAt : Min(wakeAt, _pausedUntil);
            }

            if (gateway.IsThrottled && now < _pausedUntil)
            {
                _backlog = true;
                return Min(wakeAt, _pausedUntil);
            }

            // Two regimes, each on its own grid: the free one (everything, ~29 a second) and, when allowed, the paid
            // broadcast of scheduled messages (~830 a second). A row waits only for its own regime's slot.
            var freeSlot = gateway.IsThrottled ? _nextGlobalSlot : DateTime.MinValue;
            var paidSlot = !gateway.IsThrottled ? DateTime.MinValue : Volatile.Read(ref _paidInFlight) >= PaidInFlight ? DateTime.MaxValue : _nextPaidSlot;
            ChatLane? best = null;
            ChatLane? lastProbe = null;
            foreach (var lane in _lanes.Values)
            {
                if (lane.Busy || Head(lane, appNow) is not { } head)
                {
                    continue;
                }

                var slot = gateway.AllowsPaid(head) ? paidSlot : freeSlot;
                var readyAt = Max(Max(head.NextAttemptAt ?? DateTime.MinValue, slot),
                    gateway.IsThrottled && head.IsChatMessage ? lane.NextMessageAt : DateTime.MinValue);
                if (readyAt > now)
                {
                    wakeAt = Min(wakeAt, readyAt);
                    // Due but for its slot: a backlog. A retry's or a chat's own pause is not one.
                    _backlog |= (head.NextAttemptAt ?? DateTime.MinValue) <= now
                        && !(gateway.IsThrottled && head.IsChatMessage && lane.NextMessageAt > now);
                }
                else if (_outageSince is not null && head.Id == _failedProbeId)
                {
                    // The row that failed the last probe goes again only if no other is due: a request Telegram
                    // fails on its own must not pass for an outage that holds everybody's messages back for good.
                    lastProbe = lane;
                }
                else if (best is null || SendOrder.Instance.Compare(head, best.Queue.Min!) < 0)
                {
                    best = lane;
                }
            }

            best ??= lastProbe;
            if (best is null)
            {
                return wakeAt;
            }

            var row = best.Queue.Min!;
            best.Busy = true;
            var paid = gateway.AllowsPaid(row);
            if (paid)
            {
                // The paid grid may catch up a few slots after a late wake (timers are coarser than its interval):
                // never more than ~840 in any second.
                _nextPaidSlot = (now - _nextPaidSlot < PaidInterval * PaidCatchUp ? _nextPaidSlot : now) + PaidInterval;
                Interlocked.Increment(ref _paidInFlight);
            }
            else
            {
                // Slots sit on a fixed grid: a launch a few milliseconds late (the loop was recording a
                // result) does not push every later one back, yet two slots are never closer than the interval.
                _nextGlobalSlot = (now - _nextGlobalSlot < GlobalInterval ? _nextGlobalSlot : now) + GlobalInterval;
            }

            _inFlight.Add(SendAsync(row, paid));
            if (_outageSince is not null)
            {
                // The most urgent due row asks whether Telegram is back; the rest wait for its answer.
                _probeId = row.Id;
                _backlog = true;
                return wakeAt;
            }
        }
    }

    /// <summary>The lane's first row still worth sending; the expired ones before it are set aside, never sent.</summary>
    private OutboxMessage? Head(ChatLane lane, DateTime appNow)
    {
        while (lane.Queue.Min is { } head)
        {
            if (!head.IsExpiredAt(appNow))
            {
                return head;
            }

            Forget(lane, head);
            _expired.Add(head);
        }

        return null;
    }

    /// <summary>Marks the rows set aside at launch as expired (they stay pending in the table until this succeeds).</summary>
    private async Task ExpireSkippedAsync(CancellationToken ct)
    {
        if (_expired.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        foreach (var chunk in _expired.Chunk(500))
        {
            var ids = chunk.Select(m => m.Id).ToList();
            await Expire(db.Outbox.Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending), ct);
        }

        log.LogInformation("{Count} outbox rows expired unsent: they were no longer useful", _expired.Count);
        _expired.Clear();
    }

    /// <summary>Every pending row in the table past its expiry becomes Expired; so do their in-memory copies.</summary>
    private async Task ExpireOverdueAsync(ChatCrmDbContext db, CancellationToken ct)
    {
        var appNow = AppNow;
        var count = await Expire(db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.ExpiresAt <= appNow), ct);
        if (count == 0)
        {
            return;
        }

        foreach (var lane in _lanes.Values)
        {
            foreach (var row in lane.Queue.Where(m => m.IsExpiredAt(appNow)).ToList())
            {
                Forget(lane, row);
            }
        }

        log.LogInformation("{Count} outbox rows expired unsent: they were no longer useful", count);
    }

    private static Task<int> Expire(IQueryable<OutboxMessage> rows, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Expired)
            .SetProperty(m => m.Error, m => m.Priority == OutboxMessage.PriorityCallback ? CallbackExpired
                : m.Priority == OutboxMessage.PriorityScheduled ? ScheduledExpired
                : ReplyExpired), ct);

    private async Task SendAsync(OutboxMessage row, bool paid)
    {
        try
        {
            await SendAsync(row);
        }
        finally
        {
            if (paid)
            {
                Interlocked.Decrement(ref _paidInFlight);
            }
        }
    }

    private async Task SendAsync(OutboxMessage row)
    {
        SendResult result;
        try
        {
            if (!await ClaimAsync(row))
            {
                await _done.Writer.WriteAsync((row, new SendResult.Withheld(Retry: false)));
                return;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The database is away: nothing was sent; the row waits in its lane and goes once the database answers.
            outage.Failed(Source, e);
            await _done.Writer.WriteAsync((row, new SendResult.Withheld(Retry: true)));
            return;
        }

        try
        {
            result = await gateway.SendAsync(row, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TimeoutException or OperationCanceledException)
        {
            result = new SendResult.Transient(e.Message);
        }
        catch (Exception e)
        {
            // Not the network: something about this row (a payload that does not read, a file that does not decode).
            // Retrying cannot help, and it must not pass for an outage that would hold everybody's messages back.
            result = new SendResult.Rejected($"{e.GetType().Name}: {e.Message}");
        }

        // Counted here, once per send: recording the result may be retried if the database is away.
        metrics.Send(result switch
        {
            SendResult.Sent => BotMetrics.SendResults.Ok,
            SendResult.RetryAfter => BotMetrics.SendResults.TooManyRequests,
            SendResult.Blocked => BotMetrics.SendResults.Blocked,
            SendResult.Transient { ServerError: true } => BotMetrics.SendResults.ServerError,
            _ => BotMetrics.SendResults.Other,
        });
        await _done.Writer.WriteAsync((row, result));
    }

    /// <summary>Marks the row as in flight, unless it is no longer pending or this instance no longer holds the lease.</summary>
    private async Task<bool> ClaimAsync(OutboxMessage row)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        return await lease.ClaimAsync(db, row.Id, Now, CancellationToken.None);
    }

    private async Task RecordCompletedAsync(CancellationToken ct)
    {
        _inFlight.RemoveAll(t => t.IsCompleted);
        if (!_done.Reader.TryPeek(out _))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
        while (_done.Reader.TryPeek(out var item))
        {
            await RecordAsync(db, item.Row, item.Result, ct);
            _done.Reader.TryRead(out _);
        }
    }

    private async Task RecordAsync(ChatCrmDbContext db, OutboxMessage row, SendResult result, CancellationToken ct)
    {
        var now = Now;
        var probe = _probeId == row.Id;
        if (probe)
        {
            _probeId = null;
            if (result is not SendResult.Transient)
            {
                // Any answer from Telegram, even a refusal, means it is reachable again.
                await EndOutageAsync(db, now, ct);
            }
        }

        var lane = Lane(row.ChatId);
        lane.Busy = false;
        if (row.IsChatMessage)
        {
            lane.NextMessageAt = now + ChatInterval;
        }

        var outbox = db.Outbox.Where(m => m.Id == row.Id);
        switch (result)
        {
            case SendResult.Withheld { Retry: true }:
                row.ScheduleRetry(row.Attempts, now + TimeSpan.FromSeconds(1));
                break;

            case SendResult.Withheld:
                // Another sender has dealt with it, or the lease is gone (and with it everything loaded).
                Forget(lane, row);
                break;

            case SendResult.Sent sent:
                await outbox.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Sent)
                    .SetProperty(m => m.SentAt, now)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.TelegramMessageId, sent.MessageId), ct);
                Forget(lane, row);
                break;

            case SendResult.RetryAfter retry:
                await outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingAt, (DateTime?)null), ct);
                _pausedUntil = Max(_pausedUntil, now + retry.Delay);
                log.LogWarning("Telegram asked to slow down (429): pausing all sending for {Delay}", retry.Delay);
                break;

            case SendResult.Transient transient:
            {
                // Not this row's fault: it stays pending, first in line, until it goes through or outlives its use.
                var attempts = row.Attempts + 1;
                await outbox.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.SendingAt, (DateTime?)null)
                    .SetProperty(m => m.Error, Clip(transient.Error)), ct);
                row.ScheduleRetry(attempts, row.NextAttemptAt);
                if (probe || _outageSince is null)
                {
                    PauseForOutage(now, transient.Error);
                    _failedProbeId = row.Id;
                }

                // else: a send started before the outage was noticed; the outage already accounts for it.
                break;
            }

            case SendResult.Rejected rejected:
                await Fail(outbox, rejected.Error, ct);
                log.LogError("Telegram rejected outbox row {Id} ({Kind}) for chat {Chat}: {Error}", row.Id, row.Kind, row.ChatId, rejected.Error);
                Forget(lane, row);
                break;

            case SendResult.Blocked blocked:
                // The user blocked the bot: nothing else queued for them can be delivered either.
                await Fail(db.Outbox.Where(m => m.ChatId == row.ChatId && m.Status == OutboxStatus.Pending), blocked.Error, ct);
                await db.Users.Where(u => u.ChatId == row.ChatId).ExecuteUpdateAsync(s => s.SetProperty(u => u.BlockedBot, true), ct);
                log.LogInformation("Chat {Chat} blocked the bot; {Count} queued messages dropped", row.ChatId, lane.Queue.Count);
                foreach (var queued in lane.Queue)
                {
                    _loaded.Remove(queued.Id);
                }

                lane.Queue.Clear();
                break;
        }
    }

    /// <summary>A send failed for a reason that is nobody's row: everything pauses, longer with each failed probe.</summary>
    private void PauseForOutage(DateTime now, string error)
    {
        if (_outageSince is null)
        {
            var max = options.Value.MaxOutagePause;
            _outagePause = new Backoff(FirstOutagePause < max ? FirstOutagePause : max, max);
            _outageSince = now;
            _failedProbes = 0;
            health.OutageBegan(now, error);
            log.LogWarning("Telegram is unreachable ({Error}): all sending is paused and resumes once a probe goes through", error);
        }

        _failedProbes++;
        _pausedUntil = Max(_pausedUntil, now + _outagePause!.Delay(_failedProbes));
    }

    private async Task EndOutageAsync(ChatCrmDbContext db, DateTime now, CancellationToken ct)
    {
        if (_outageSince is not { } since)
        {
            return;
        }

        _outageSince = null;
        _outagePause = null;
        _failedProbeId = null;
        health.OutageEnded();
        var backlog = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        log.LogWarning("Telegram is reachable again after an outage of {Duration} ({Failures} failed tries); {Backlog} messages waiting, sending resumes",
            now - since, _failedProbes, backlog);
    }

    private async Task WaitAsync(Task signalled, DateTime wakeAt, CancellationToken ct)
    {
        if (_done.Reader.TryPeek(out _) || signalled.IsCompleted)
        {
            return;
        }

        var delay = wakeAt == DateTime.MaxValue ? FullScanEvery : wakeAt - Now;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > FullScanEvery ? FullScanEvery : delay;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(delay, _clock, stop.Token);
        await Task.WhenAny(signalled, _done.Reader.WaitToReadAsync(stop.Token).AsTask(), timer);
        await stop.CancelAsync();
        if (timer.IsCompleted && Now >= _nextFullScan)
        {
            // Time for the periodic scan: let the loop reload even without a signal.
            signal.Wake();
        }
    }

    /// <summary>
    /// A new term as the sender (the first start, or taking over from an instance that stopped or died): whatever was
    /// in flight when the previous sender stopped may already have reached its chat, but cannot be known to have; it is
    /// sent again (at least once) and counted. Everything is then read afresh.
    /// </summary>
    private async Task TakeOverAsync(CancellationToken ct)
    {
        Reset();
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChatCrmDbContext>();
            var resent = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.SendingAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SendingAt, (DateTime?)null), ct);
            if (resent > 0)
            {
                metrics.Resent(resent);
                log.LogWarning("{Count} messages were being sent when the previous sender stopped: they are sent again and may reach their chats twice", resent);
            }
        }

        _term = lease.Term;
    }

    /// <summary>The lease is gone: sends in flight finish and are recorded; nothing new starts; the loaded rows are forgotten.</summary>
    private async Task StepDownAsync()
    {
        var inFlight = _inFlight.Count(t => !t.IsCompleted);
        await DrainAsync();
        Reset();
        _term = 0;
        log.LogInformation("This instance no longer sends; {Count} sends that were in flight are recorded", inFlight);
    }

    private void Reset()
    {
        _lanes.Clear();
        _loaded.Clear();
        Array.Clear(_maxLoadedId);
        _inFlight.RemoveAll(t => t.IsCompleted);
        _expired.Clear();
        _sinceTx = 0;
        _nextFullScan = DateTime.MinValue;
        _nextSweep = DateTime.MinValue;
        _pausedUntil = DateTime.MinValue;
        _outagePause = null;
        _outageSince = null;
        _failedProbes = 0;
        _probeId = null;
        _failedProbeId = null;
    }

    private async Task DrainAsync()
    {
        try
        {
            await Task.WhenAll(_inFlight).WaitAsync(TimeSpan.FromSeconds(5));
            await RecordCompletedAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            log.LogWarning("Stopping with sends still in flight; their rows stay pending and go out after restart");
        }
    }

    private static Task Fail(IQueryable<OutboxMessage> rows, string error, CancellationToken ct) =>
        rows.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.Error, Clip(error)), ct);

    private void Forget(ChatLane lane, OutboxMessage row)
    {
        lane.Queue.Remove(row);
        _loaded.Remove(row.Id);
    }

    private void PruneIdleLanes()
    {
        var now = Now;
        foreach (var (chat, lane) in _lanes)
        {
            if (!lane.Busy && lane.Queue.Count == 0 && lane.NextMessageAt <= now)
            {
                _lanes.Remove(chat);
            }
        }
    }

    private ChatLane Lane(long chatId)
    {
        if (!_lanes.TryGetValue(chatId, out var lane))
        {
            _lanes[chatId] = lane = new ChatLane();
        }

        return lane;
    }

    private static string Clip(string error) => error.Length <= 1000 ? error : error[..1000];

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed class ChatLane
    {
        public SortedSet<OutboxMessage> Queue { get; } = new(SendOrder.Instance);
        public bool Busy { get; set; }
        public DateTime NextMessageAt { get; set; }
    }

    private sealed class SendOrder : IComparer<OutboxMessage>
    {
        public static readonly SendOrder Instance = new();

        public int Compare(OutboxMessage? x, OutboxMessage? y)
        {
            var byPriority = x!.Priority.CompareTo(y!.Priority);
            return byPriority != 0 ? byPriority : x.Id.CompareTo(y.Id);
        }
    }
}
