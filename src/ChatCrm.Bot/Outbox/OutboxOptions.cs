using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Outbox;

/// <summary>
/// How long an unsent row stays useful, by kind, and how far an outage pause may grow (configuration section
/// <c>Outbox</c>), bound and validated at start. Scheduled messages carry their own window (see <see cref="ScheduledOutbox"/>).
/// </summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>A reply (and any non-scheduled message) not delivered within this long is expired.</summary>
    public TimeSpan ReplyLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Telegram accepts an answer to a button tap for about 15 seconds; later it is useless.</summary>
    public TimeSpan CallbackLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest pause between probes while Telegram is unreachable (the pause starts at a second and doubles).</summary>
    public TimeSpan MaxOutagePause { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Scheduled messages go with <c>allow_paid_broadcast</c>. Configured as <c>Telegram:AllowPaidBroadcast</c> (DESIGN §9)
    /// and copied here at start, so the sender need not read the transport's settings.
    /// </summary>
    public bool AllowPaidBroadcast { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReplyLifetime < TimeSpan.FromSeconds(1) || ReplyLifetime > TimeSpan.FromDays(30))
        {
            yield return new($"Outbox:ReplyLifetime must be between 00:00:01 and 30.00:00:00, not '{ReplyLifetime}'.");
        }

        if (CallbackLifetime < TimeSpan.FromSeconds(1) || CallbackLifetime > TimeSpan.FromHours(1))
        {
            yield return new($"Outbox:CallbackLifetime must be between 00:00:01 and 01:00:00, not '{CallbackLifetime}'.");
        }

        if (MaxOutagePause < TimeSpan.FromMilliseconds(100) || MaxOutagePause > TimeSpan.FromHours(1))
        {
            yield return new($"Outbox:MaxOutagePause must be between 00:00:00.1 and 01:00:00, not '{MaxOutagePause}'.");
        }
    }
}
