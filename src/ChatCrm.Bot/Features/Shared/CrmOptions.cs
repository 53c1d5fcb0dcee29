using System.ComponentModel.DataAnnotations;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Shared;

/// <summary>
/// The company's defaults (configuration section <c>Crm</c>), bound and validated at start. It sits with the features
/// because the pipeline, the transport, the jobs and the features all read it, and none of them may use Hosting.
/// </summary>
public sealed class CrmOptions : IValidatableObject
{
    public const string Section = "Crm";

    public long[] AdminTelegramIds { get; set; } = [];
    public string DefaultLanguage { get; set; } = "ru";
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";
    public string Currency { get; set; } = "RUB";

    [Range(1, 365)]
    public int ForgottenAfterDays { get; set; } = 7;

    /// <summary>How many updates may wait for one user past their rate before further ones are refused (abuse, not a burst).</summary>
    public int MaxWaitingUpdates { get; set; } = 500;

    public Language Language => Languages.FromCode(DefaultLanguage) ?? Language.Ru;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultLanguage is not ("ru" or "en"))
        {
            yield return new($"Crm:DefaultLanguage must be ru or en, not '{DefaultLanguage}'.");
        }

        if (TimeZones.Find(DefaultTimeZone) is null)
        {
            yield return new($"Crm:DefaultTimeZone '{DefaultTimeZone}' is not a known IANA time zone (e.g. Europe/Moscow).");
        }

        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
        {
            yield return new($"Crm:Currency must be a three-letter ISO code such as RUB, not '{Currency}'.");
        }

        if (MaxWaitingUpdates is < 1 or > 100_000)
        {
            yield return new($"Crm:MaxWaitingUpdates must be between 1 and 100000, not {MaxWaitingUpdates}.");
        }

        if (AdminTelegramIds.Any(id => id <= 0))
        {
            yield return new("Crm:AdminTelegramIds must hold positive numeric Telegram user ids.");
        }
    }
}
