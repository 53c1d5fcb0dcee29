using System.Text.Json;
using System.Text.Json.Serialization;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Outbox;

/// <summary>A button as stored in the outbox: text plus either callback data or a URL (a Mini App's when <see cref="WebApp"/>).</summary>
public sealed record StoredButton(
    [property: JsonPropertyName("t")] string Text,
    [property: JsonPropertyName("d")] string? Data,
    [property: JsonPropertyName("u")] string? Url,
    [property: JsonPropertyName("w"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool WebApp = false);

public sealed record MessagePayload(
    [property: JsonPropertyName("text")] string Html,
    [property: JsonPropertyName("kb")] StoredButton[][]? Buttons,
    [property: JsonPropertyName("edit")] int? EditMessageId = null)
{
    public static MessagePayload From(Reply reply, int? editMessageId = null) =>
        new(reply.Html,
            reply.Buttons.Count == 0 ? null : reply.Buttons.Select(row => row.Select(b => new StoredButton(b.Text, b.Data, b.Url, b.OpensWebApp)).ToArray()).ToArray(),
            editMessageId);
}

/// <summary>A photo: the PNG travels base64-encoded in the row, so it commits and survives restarts with it.</summary>
public sealed record PhotoPayload(
    [property: JsonPropertyName("png")] string PngBase64,
    [property: JsonPropertyName("caption")] string? CaptionHtml);

/// <summary>
/// A file, base64-encoded in the row like a photo. Reports are small (an XLSX of a few hundred rows is tens of KB),
/// far under the Bot API's 50 MB upload limit.
/// </summary>
public sealed record DocumentPayload(
    [property: JsonPropertyName("file")] string ContentBase64,
    [property: JsonPropertyName("name")] string FileName,
    [property: JsonPropertyName("caption")] string? CaptionHtml);

public sealed record CallbackAnswerPayload(
    [property: JsonPropertyName("id")] string CallbackQueryId,
    [property: JsonPropertyName("text")] string? Text);

public sealed record CommandMenuPayload(
    [property: JsonPropertyName("cmds")] MenuCommand[] Commands);

/// <summary>
/// A menu button that opens the Mini App at <paramref name="Url"/>, labelled <paramref name="Text"/>; with no
/// <paramref name="Url"/>, Telegram's default button (the command list) in place of the board's.
/// </summary>
public sealed record MenuButtonPayload(
    [property: JsonPropertyName("t")] string? Text,
    [property: JsonPropertyName("u")] string? Url);

public sealed record MenuCommand(
    [property: JsonPropertyName("c")] string Command,
    [property: JsonPropertyName("d")] string Description);

internal static class Payloads
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write<T>(T payload) => JsonSerializer.Serialize(payload, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"Empty {typeof(T).Name} payload.");
}
