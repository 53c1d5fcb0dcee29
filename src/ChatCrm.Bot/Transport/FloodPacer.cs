using ChatCrm.Bot.Outbox;

namespace ChatCrm.Bot.Transport;

/// <summary>
/// Keeps the bot's message requests at least <see cref="Interval"/> apart (about 28 a second, under Telegram's 30 per
/// bot), timed at the last step before the wire (<see cref="Handler"/>). The outbox already hands out its sends that
/// far apart, but the work between its slot and the wire (the claim in the database, building the request) takes
/// varying time; under load several requests held up there would otherwise leave together and earn a 429.
/// A paid broadcast (<see cref="PaidBroadcastRequest"/>, set by the gateway for the request it makes) is held to
/// <see cref="PaidInterval"/> apart instead, among the paid ones: it is counted against Telegram's 1,000 a second, not
/// against the 30.
/// </summary>
internal sealed class FloodPacer(TimeProvider clock) : IDisposable
{
    // The outbox's own spacing of its sends: the pacer holds the requests to it, whatever happened in between.
    internal static readonly TimeSpan Interval = OutboxDispatcher.GlobalInterval;

    internal static readonly TimeSpan PaidInterval = OutboxDispatcher.PaidInterval;

    // The methods Telegram counts against its per-bot message limit.
    private static readonly string[] Paced = ["/sendMessage", "/editMessageText", "/sendPhoto", "/sendDocument", "/editMessageReplyMarkup"];

    private readonly Gate _free = new(Interval);
    private readonly Gate _paid = new(PaidInterval);

    /// <summary>Waits until a request to <paramref name="uri"/> may leave; at once for the methods that are not paced.</summary>
    public async Task WaitTurnAsync(Uri? uri, CancellationToken ct)
    {
        var path = uri?.AbsolutePath ?? "";
        if (!Array.Exists(Paced, m => path.EndsWith(m, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        await (PaidBroadcastRequest.Current.Value ? _paid : _free).WaitTurnAsync(clock, ct);
    }

    public void Dispose()
    {
        _free.Dispose();
        _paid.Dispose();
    }

    /// <summary>Requests through one gate leave at least its interval apart.</summary>
    private sealed class Gate(TimeSpan interval) : IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private long _lastAt;

        public async Task WaitTurnAsync(TimeProvider clock, CancellationToken ct)
        {
            await _gate.WaitAsync(ct);
            try
            {
                var since = clock.GetElapsedTime(_lastAt);
                if (_lastAt != 0 && since < interval)
                {
                    await Task.Delay(interval - since, clock, ct);
                }

                _lastAt = clock.GetTimestamp();
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }

    /// <summary>The pacer in the "telegram" HttpClient's chain; one per chain, the pacer shared by all.</summary>
    internal sealed class Handler(FloodPacer pacer) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await pacer.WaitTurnAsync(request.RequestUri, ct);
            return await base.SendAsync(request, ct);
        }
    }
}
