using System.Diagnostics.Metrics;

namespace ChatCrm.Bot.Observability;

/// <summary>
/// The bot's own instruments, on the meter <see cref="MeterName"/>. Recording costs next to nothing while nobody
/// listens, so the hot paths record unconditionally; <c>Metrics:Enabled</c> only decides whether OpenTelemetry listens
/// and <c>/metrics</c> exists. Gauges that need the database (the outbox backlog) are added by their owners on
/// <see cref="Meter"/>, read from a cache, so a burst of scrapes is not a burst of queries.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "ChatCrm";

    private readonly Counter<long> _updates;
    private readonly Histogram<double> _handlerTime;
    private readonly Counter<long> _sends;
    private readonly Histogram<double> _schedulerLag;
    private readonly Counter<long> _resent;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _updates = Meter.CreateCounter<long>("chatcrm.updates", "{update}", "Updates taken in, by kind and outcome");
        _handlerTime = Meter.CreateHistogram<double>("chatcrm.update.duration", "s", "Time to handle one update and commit its effect",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _sends = Meter.CreateCounter<long>("chatcrm.outbox.sends", "{send}", "Sends to Telegram by result: ok, 429, 403, 5xx, other");
        _schedulerLag = Meter.CreateHistogram<double>("chatcrm.scheduler.lag", "s", "How late the scheduler's beat fired after its scheduled time",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });
        _resent = Meter.CreateCounter<long>("chatcrm.outbox.resent", "{message}",
            "Messages in flight when their sender stopped or died, sent again: each may have reached its chat twice");
    }

    /// <summary>The meter, for the observable gauges their owners add (outbox backlog, sender lease).</summary>
    public Meter Meter { get; }

    /// <param name="kind">message, callback, membership or other.</param>
    /// <param name="outcome">handled, failed (apologised), deferred (left for redelivery), waiting, refused, dropped, duplicate.</param>
    public void Update(string kind, string outcome) =>
        _updates.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    public void HandlerTime(string kind, TimeSpan elapsed) =>
        _handlerTime.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    /// <param name="result">One of <see cref="SendResults"/>.</param>
    public void Send(string result) => _sends.Add(1, new KeyValuePair<string, object?>("result", result));

    public void Resent(int count) => _resent.Add(count);

    public void SchedulerLag(TimeSpan lag) => _schedulerLag.Record(Math.Max(0, lag.TotalSeconds));

    /// <summary>The values of the <c>result</c> tag of <c>chatcrm.outbox.sends</c>.</summary>
    public static class SendResults
    {
        public const string Ok = "ok";
        public const string TooManyRequests = "429";
        public const string Blocked = "403";
        public const string ServerError = "5xx";
        public const string Other = "other";
    }
}
