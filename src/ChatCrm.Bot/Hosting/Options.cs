using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Hosting;

public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";
    public const string WebhookPath = "/telegram/webhook";

    public string? BotToken { get; set; }
    public string? WebhookUrl { get; set; }
    public string? SecretToken { get; set; }
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);
    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasToken && !TokenShape().IsMatch(BotToken!))
        {
            yield return new("Telegram:BotToken does not look like a token from @BotFather (digits, a colon, then letters).");
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return new($"Telegram:ApiBaseUrl '{ApiBaseUrl}' is not an absolute URL.");
        }

        if (!UsesWebhook)
        {
            yield break;
        }

        if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            || !url.AbsolutePath.EndsWith(WebhookPath, StringComparison.Ordinal))
        {
            yield return new($"Telegram:WebhookUrl must be a public https URL ending in {WebhookPath}.");
        }

        if (string.IsNullOrEmpty(SecretToken) || !SecretShape().IsMatch(SecretToken))
        {
            yield return new("Telegram:SecretToken is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and -.");
        }
    }
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public string Provider { get; set; } = "Sqlite";

    public bool IsPostgres => Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)
        || Provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPostgres && !Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            yield return new($"Database:Provider '{Provider}' is not supported: use Sqlite or Postgres.");
        }
    }
}

public sealed class CrmOptions : IValidatableObject
{
    public const string Section = "Crm";

    public long[] AdminTelegramIds { get; set; } = [];
    public string DefaultLanguage { get; set; } = "ru";
    public string DefaultTimeZone { get; set; } = "Europe/Moscow";
    public string Currency { get; set; } = "RUB";

    [Range(1, 365)]
    public int ForgottenAfterDays { get; set; } = 7;

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

        if (AdminTelegramIds.Any(id => id <= 0))
        {
            yield return new("Crm:AdminTelegramIds must hold positive numeric Telegram user ids.");
        }
    }
}

public sealed partial class ScheduleOptions : IValidatableObject
{
    public const string Section = "Schedule";

    public string MorningPlanAt { get; set; } = "09:00";
    public string DailyDigestAt { get; set; } = "18:00";
    public string WeeklyDigestAt { get; set; } = "Mon 09:30";

    [GeneratedRegex(@"^([01]?\d|2[0-3]):[0-5]\d$")]
    private static partial Regex TimeShape();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([01]?\d|2[0-3]):[0-5]\d$")]
    private static partial Regex DayTimeShape();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeShape().IsMatch(MorningPlanAt))
        {
            yield return new($"Schedule:MorningPlanAt must be HH:MM, not '{MorningPlanAt}'.");
        }

        if (!TimeShape().IsMatch(DailyDigestAt))
        {
            yield return new($"Schedule:DailyDigestAt must be HH:MM, not '{DailyDigestAt}'.");
        }

        if (!DayTimeShape().IsMatch(WeeklyDigestAt))
        {
            yield return new($"Schedule:WeeklyDigestAt must be a day and time like 'Mon 09:30', not '{WeeklyDigestAt}'.");
        }
    }
}
