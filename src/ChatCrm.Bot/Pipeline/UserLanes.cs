namespace ChatCrm.Bot.Pipeline;

/// <summary>
/// What the pipeline remembers about each sender between updates: a token bucket (a burst of
/// <see cref="Burst"/>, then one update per <see cref="TokenEvery"/>), how many of their updates wait in
/// <c>WaitingUpdates</c>, and whether they were already told about this burst. A lane lives while its sender is
/// busy; once nothing of theirs waits and their bucket is full again the burst is over and the lane is forgotten.
/// The clock is the host's <see cref="TimeProvider"/>, so tests can hold time still during a burst.
/// </summary>
internal sealed class UserLanes(TimeProvider time)
{
    // A person tapping quickly stays well inside this; a script hammering the bot, or Telegram flushing a backlog, does not.
    public const int Burst = 30;
    public static readonly TimeSpan TokenEvery = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, Lane> _lanes = [];

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Takes one of the sender's tokens if nothing of theirs waits; false when the update must wait (or be refused).</summary>
    public bool TryRunNow(long senderId)
    {
        lock (_lock)
        {
            var lane = LaneOf(senderId);
            return lane.Waiting == 0 && lane.TryTake(time.GetUtcNow());
        }
    }

    /// <summary>
    /// Serialises the decisions about one sender's held updates (stored behind the others, or refused), so the
    /// count and the notices stay right when updates of one sender arrive together. Dispose to release.
    /// </summary>
    public async Task<Turn> TurnAsync(long senderId, CancellationToken ct)
    {
        Lane lane;
        lock (_lock)
        {
            lane = LaneOf(senderId);
            lane.Users++;
        }

        try
        {
            await lane.Gate.WaitAsync(ct);
        }
        catch
        {
            lock (_lock)
            {
                lane.Users--;
            }

            throw;
        }

        return new Turn(this, senderId, lane);
    }

    /// <summary>At start: what the previous run left waiting, per sender.</summary>
    public void Restore(IEnumerable<(long SenderId, int Count)> waiting)
    {
        lock (_lock)
        {
            foreach (var (senderId, count) in waiting)
            {
                LaneOf(senderId).Waiting = count;
            }
        }
    }

    /// <summary>Senders with waiting updates whose rate allows one more now; a token is taken for each.</summary>
    public IReadOnlyList<long> TakeReady()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return [.. _lanes.Where(l => l.Value.Waiting > 0 && l.Value.TryTake(now)).Select(l => l.Key)];
        }
    }

    /// <summary>One waiting update of the sender has run (or was found gone).</summary>
    public void Ran(long senderId)
    {
        lock (_lock)
        {
            if (_lanes.TryGetValue(senderId, out var lane) && lane.Waiting > 0)
            {
                lane.Waiting--;
            }
        }
    }

    /// <summary>
    /// How long until some sender with waiting updates earns a token (zero if one already has), or null when
    /// nothing waits. Also forgets the lanes whose burst is over.
    /// </summary>
    public TimeSpan? NextDue()
    {
        var now = time.GetUtcNow();
        TimeSpan? due = null;
        lock (_lock)
        {
            foreach (var (senderId, lane) in _lanes.ToList())
            {
                if (lane.Waiting > 0)
                {
                    var wait = lane.UntilToken(now);
                    due = due is { } d && d < wait ? d : wait;
                }
                else if (lane.Users == 0 && lane.IsFull(now))
                {
                    _lanes.Remove(senderId);
                }
            }
        }

        return due;
    }

    private Lane LaneOf(long senderId)
    {
        if (!_lanes.TryGetValue(senderId, out var lane))
        {
            lane = new Lane(time.GetUtcNow());
            _lanes[senderId] = lane;
        }

        return lane;
    }

    /// <summary>The caller's exclusive turn at one sender's held updates; read and change the lane only through it.</summary>
    public sealed class Turn : IDisposable
    {
        private readonly UserLanes _owner;
        private readonly Lane _lane;
        private bool _disposed;

        internal Turn(UserLanes owner, long senderId, Lane lane) => (_owner, SenderId, _lane) = (owner, senderId, lane);

        public long SenderId { get; }

        public int Waiting
        {
            get
            {
                lock (_owner._lock)
                {
                    return _lane.Waiting;
                }
            }
        }

        /// <summary>The user already heard in this burst that their messages wait their turn.</summary>
        public bool Told => Read(l => l.Told);

        /// <summary>The user already heard in this burst that further messages are refused.</summary>
        public bool Refused => Read(l => l.Refused);

        /// <summary>Nothing of the sender's waits any more and the rate allows one now: the update runs after all.</summary>
        public bool TryRunNow()
        {
            lock (_owner._lock)
            {
                return _lane.Waiting == 0 && _lane.TryTake(_owner.Now);
            }
        }

        public void Stored(bool told) => Change(l =>
        {
            l.Waiting++;
            l.Told |= told;
        });

        public void MarkRefused() => Change(l => l.Refused = true);

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _lane.Gate.Release();
            Change(l => l.Users--);
        }

        private T Read<T>(Func<Lane, T> read)
        {
            lock (_owner._lock)
            {
                return read(_lane);
            }
        }

        private void Change(Action<Lane> change)
        {
            lock (_owner._lock)
            {
                change(_lane);
            }
        }
    }

    /// <summary>One sender's state; every field is read and written under the owner's lock.</summary>
    internal sealed class Lane(DateTimeOffset now)
    {
        private double _tokens = Burst;
        private DateTimeOffset _at = now;

        public SemaphoreSlim Gate { get; } = new(1, 1);
        public int Waiting { get; set; }
        public bool Told { get; set; }
        public bool Refused { get; set; }

        /// <summary>Callers between <see cref="TurnAsync"/> and the end of their turn: a lane in use is never forgotten.</summary>
        public int Users { get; set; }

        public bool TryTake(DateTimeOffset now)
        {
            Refill(now);
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }

        public TimeSpan UntilToken(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= 1 ? TimeSpan.Zero : TokenEvery * (1 - _tokens);
        }

        public bool IsFull(DateTimeOffset now)
        {
            Refill(now);
            return _tokens >= Burst;
        }

        private void Refill(DateTimeOffset now)
        {
            // A clock set back earns nothing, and takes nothing away.
            if (now > _at)
            {
                _tokens = Math.Min(Burst, _tokens + ((now - _at) / TokenEvery));
            }

            _at = now > _at ? now : _at;
        }
    }
}
