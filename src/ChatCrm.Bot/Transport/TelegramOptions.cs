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

    /// <summary>The board's public https URL (its pages are under it: /app, /app/login); empty derives it from the webhook.</summary>
    public string? WebAppUrl { get; set; }

    /// <summary>
    /// Scheduled messages (morning plans, reminders, digests — never replies or button answers) are sent with the Bot
    /// API's <c>allow_paid_broadcast</c>: up to 1,000 messages a second instead of about 30, at 0.1 Telegram Stars each
    /// from the bot's balance. Still one message a second per chat. Off by default.
    /// </summary>
    public bool AllowPaidBroadcast { get; set; }

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);
    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);

    /// <summary>
    /// Where the board is: <see cref="WebAppUrl"/> without a trailing slash, else the webhook's scheme and host with
    /// /app, else null (long polling has no public address to derive it from).
    /// </summary>
    public string? ResolvedWebAppUrl =>
        !string.IsNullOrWhiteSpace(WebAppUrl) ? WebAppUrl.Trim().TrimEnd('/')
        : UsesWebhook && Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var webhook) ? webhook.GetLeftPart(UriPartial.Authority) + "/app"
        : null;

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

        if (!string.IsNullOrWhiteSpace(WebAppUrl)
            && (!Uri.TryCreate(WebAppUrl.Trim(), UriKind.Absolute, out var board) || board.Scheme != Uri.UriSchemeHttps
                || board.Query.Length > 0 || board.Fragment.Length > 0))
        {
            yield return new($"Telegram:WebAppUrl '{WebAppUrl}' must be the board's public https URL without a query, e.g. https://crm.example.com/app.");
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
