using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// The board's sign-in (configuration section <c>WebApp</c>), bound and validated at start. It sits with the features
/// because /web (a feature) and the board's endpoints both read it.
/// </summary>
public sealed class WebAppOptions : IValidatableObject
{
    public const string Section = "WebApp";

    /// <summary>Telegram's initData older than this is refused (its auth_date), even with a valid signature.</summary>
    public TimeSpan InitDataMaxAge { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a /web link may wait to be opened.</summary>
    public TimeSpan LoginLinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a browser stays signed in after a /web link, unless it logs out.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The board's public URL without a trailing slash (Telegram:WebAppUrl, or derived from Telegram:WebhookUrl); null
    /// when neither gives one. Filled in by the host from the Telegram section, never bound from this one.
    /// </summary>
    public string? Url { get; internal set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InitDataMaxAge < TimeSpan.FromMinutes(1) || InitDataMaxAge > TimeSpan.FromDays(7))
        {
            yield return new($"WebApp:InitDataMaxAge must be between 00:01:00 and 7.00:00:00, not {InitDataMaxAge}.");
        }

        if (LoginLinkLifetime < TimeSpan.FromMinutes(1) || LoginLinkLifetime > TimeSpan.FromDays(1))
        {
            yield return new($"WebApp:LoginLinkLifetime must be between 00:01:00 and 1.00:00:00, not {LoginLinkLifetime}.");
        }

        if (SessionLifetime < TimeSpan.FromMinutes(5) || SessionLifetime > TimeSpan.FromDays(90))
        {
            yield return new($"WebApp:SessionLifetime must be between 00:05:00 and 90.00:00:00, not {SessionLifetime}.");
        }
    }
}
