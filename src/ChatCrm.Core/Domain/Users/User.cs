namespace ChatCrm.Core.Domain.Users;

/// <summary>A person who may use the bot: known by numeric Telegram id, never by username.</summary>
public sealed class User
{
    public const int MaxNameLength = 128;

    private User()
    {
        DisplayName = "";
        TimeZoneId = "";
    }

    public long Id { get; private set; }
    public long TelegramId { get; private set; }
    public long ChatId { get; private set; }
    public string DisplayName { get; private set; }
    public string? Username { get; private set; }
    public Role Role { get; private set; }

    /// <summary>The user's department; null means the sales department (<c>Department.IsSales</c>).</summary>
    public long? DepartmentId { get; private set; }

    /// <summary>What the user chose with /lang; null until then (Telegram's language decides).</summary>
    public Language? ChosenLanguage { get; private set; }
    public string? TelegramLanguageCode { get; private set; }
    public string TimeZoneId { get; private set; }
    public TimeOnly? QuietFrom { get; private set; }
    public TimeOnly? QuietTo { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>Set when Telegram says the user blocked the bot; cleared when they write again.</summary>
    public bool BlockedBot { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastSeenAt { get; private set; }

    /// <summary>
    /// A command waiting for the user's next plain message (e.g. /tz asked "which city?"): the text
    /// they type next is appended to <see cref="DialogArgs"/> and the command runs again.
    /// </summary>
    public string? DialogCommand { get; private set; }
    public string? DialogArgs { get; private set; }
    public DateTime? DialogExpiresAt { get; private set; }

    public QuietHours? Quiet => QuietFrom is { } f && QuietTo is { } t ? new QuietHours(f, t) : null;

    /// <summary>True when the bot may start a conversation with this user at all.</summary>
    public bool Reachable => IsActive && !BlockedBot;

    public static User Create(long telegramId, string displayName, Role role, string timeZoneId, DateTime nowUtc) =>
        new()
        {
            TelegramId = telegramId,
            ChatId = telegramId,
            DisplayName = Trim(displayName, telegramId),
            Role = role,
            TimeZoneId = timeZoneId,
            IsActive = true,
            CreatedAt = nowUtc,
        };

    public Language LanguageOr(Language fallback) => Languages.Pick(ChosenLanguage, TelegramLanguageCode, fallback);

    /// <summary>Refreshes what Telegram tells about the user on every update they send.</summary>
    /// <summary>How fresh «last seen» is kept: a user writing every second does not rewrite their row every second.</summary>
    public static readonly TimeSpan SeenGranularity = TimeSpan.FromMinutes(1);

    /// <summary>Keeps what Telegram says about the user current; nothing changes (and nothing is written) when nothing did.</summary>
    public void Seen(long chatId, string displayName, string? username, string? languageCode, DateTime nowUtc)
    {
        ChatId = chatId;
        DisplayName = Trim(displayName, TelegramId);
        Username = string.IsNullOrWhiteSpace(username) ? null : username;
        TelegramLanguageCode = languageCode;
        if (LastSeenAt is not { } last || nowUtc - last >= SeenGranularity)
        {
            LastSeenAt = nowUtc;
        }

        BlockedBot = false;
    }

    public void ChangeRole(Role role) => Role = role;

    /// <summary>Moves the user to a department; null puts them back in the sales department.</summary>
    public void JoinDepartment(long? departmentId) => DepartmentId = departmentId;

    public void ChooseLanguage(Language language) => ChosenLanguage = language;

    public void SetTimeZone(string timeZoneId) => TimeZoneId = timeZoneId;

    public void SetQuietHours(QuietHours? quiet)
    {
        QuietFrom = quiet?.From;
        QuietTo = quiet?.To;
    }

    public void StartDialog(string command, string args, DateTime expiresAtUtc)
    {
        DialogCommand = command;
        DialogArgs = args;
        DialogExpiresAt = expiresAtUtc;
    }

    /// <summary>The waiting command, unless it expired; a stale question should not capture a new message.</summary>
    public (string Command, string Args)? ActiveDialog(DateTime nowUtc) =>
        DialogCommand is { } c && DialogExpiresAt > nowUtc ? (c, DialogArgs ?? "") : null;

    public bool EndDialog()
    {
        var had = DialogCommand is not null;
        DialogCommand = null;
        DialogArgs = null;
        DialogExpiresAt = null;
        return had;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public void MarkBlockedBot() => BlockedBot = true;

    private static string Trim(string name, long telegramId)
    {
        var n = string.IsNullOrWhiteSpace(name) ? $"id{telegramId}" : name.Trim();
        return n.Length <= MaxNameLength ? n : n[..MaxNameLength];
    }
}
