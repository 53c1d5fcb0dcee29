using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ChatCrm.Bot.Transport;

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
