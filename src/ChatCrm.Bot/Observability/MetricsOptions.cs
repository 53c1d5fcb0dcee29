namespace ChatCrm.Bot.Observability;

/// <summary>`Metrics:Enabled` (DESIGN §9): serve OpenTelemetry metrics in Prometheus format on <c>/metrics</c>. Off by default.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    public const string Path = "/metrics";

    public bool Enabled { get; set; }
}
