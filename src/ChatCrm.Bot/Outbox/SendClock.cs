namespace ChatCrm.Bot.Outbox;

/// <summary>
/// The clock the sender paces on: the outbox dispatcher's slots, per-chat gaps, 429 and outage pauses, and the flood
/// pacer in front of the wire. It is not the application's clock (<see cref="TimeProvider"/>, which stamps rows and
/// decides what is due and what has expired): Telegram counts real seconds whatever time the application believes it
/// is, so in production this is always <see cref="TimeProvider.System"/>. Tests replace it with a fake that runs fast,
/// so that pauses of seconds take a fraction of one, and keep the real one where pacing against the real limits is
/// what they check.
/// </summary>
public sealed class SendClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
