namespace ChatCrm.Core.Domain.Users;

/// <summary>The two languages every text exists in.</summary>
public enum Language
{
    Ru,
    En,
}

public static class Languages
{
    public static string Code(this Language language) => language == Language.En ? "en" : "ru";

    /// <summary>`ru`, `ru-RU`, `en-US` … → the language; anything else → null.</summary>
    public static Language? FromCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var c = code.Trim().ToLowerInvariant();
        if (c.StartsWith("ru", StringComparison.Ordinal) || c is "русский" or "рус")
        {
            return Language.Ru;
        }

        if (c.StartsWith("en", StringComparison.Ordinal) || c is "английский" or "англ")
        {
            return Language.En;
        }

        return null;
    }

    /// <summary>The stored choice wins, then Telegram's language_code, then the company default.</summary>
    public static Language Pick(Language? chosen, string? telegramCode, Language fallback) =>
        chosen ?? FromCode(telegramCode) ?? fallback;
}
