using System.Globalization;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Messages;

/// <summary>How /help explains a command: one line for menus, the usage, and a real example.</summary>
public sealed record CommandDoc(string Summary, string Usage, string Example);

/// <summary>
/// Every sentence the bot says, once per language. Members are abstract so the compiler refuses a
/// message that exists in one language only. Arguments are raw values: implementations escape them.
/// </summary>
public abstract partial class Texts
{
    public static readonly Texts Russian = new RussianTexts();
    public static readonly Texts English = new EnglishTexts();

    public abstract Language Language { get; }
    public abstract CultureInfo Culture { get; }

    public static Texts For(Language language) => language == Language.En ? English : Russian;

    // Roles and common words
    public abstract string RoleName(Role role);
    public abstract string Yes { get; }
    public abstract string No { get; }
    public abstract string CancelButton { get; }
    public abstract string Next { get; }
    public abstract string Previous { get; }
    public abstract string Never { get; }

    // Joining
    public abstract string Welcome(string name, Role role);
    public abstract string Hello(string name, Role role);
    public abstract string Stranger();
    public abstract string InviteNotValid(InviteState state);
    public abstract string AlreadyJoined(Role role);
    public abstract string PrivateChatOnly(string? botUsername);
    public abstract string Deactivated();

    // Help and menus
    public abstract string HelpHeader(Role role);
    public abstract string HelpFooter { get; }
    public abstract string ExampleLabel { get; }
    public abstract string UnknownCommand(string name);
    public abstract string NotAllowed(string command, Role required);

    /// <summary>A button's refusal, shown as the tap's toast (plain text): it speaks of the button, not of its data.</summary>
    public abstract string NotAllowedButton(Role required);
    public abstract string MenuTitle(Role role);
    public abstract string NotUnderstood();
    public abstract string Apology();

    /// <summary>The same record was changed by someone else at the same moment, twice running: nothing of this was saved.</summary>
    public abstract string ConcurrentChange();
    public abstract string WorkingThrough();
    public abstract string TooManyWaiting();
    public abstract string StaleButton();

    // Language, time zone, quiet hours, dialogs
    public abstract string LanguageAsk();
    public abstract string LanguageSet();
    public abstract string TimeZoneShow(string zoneId, string offset, DateTime localNow);
    public abstract string TimeZoneSet(string zoneId, string offset, DateTime localNow);
    public abstract string TimeZoneUnknown(string input);
    public abstract string QuietShow(QuietHours? quiet);
    public abstract string QuietSet(QuietHours quiet);
    public abstract string QuietOff();
    public abstract string QuietInvalid(string input);
    public abstract string Cancelled();
    public abstract string NothingToUndo();
    public abstract string UndoTooLate(string description);
    public abstract string Undone(string description);

    /// <summary>The user's last change is one /undo cannot take back (a hand-over, a renamed stage…).</summary>
    public abstract string CannotUndo(string description);

    /// <summary>
    /// An audited change in words («этап переименован: Продажи (Квалификация → Оценка)»), plain text, not HTML: /undo
    /// escapes it when it shows it. An action without a name here is still described, by its code.
    /// </summary>
    public string ChangeDescription(string action, string? subject, string? before, string? after)
    {
        var text = ChangeNames.TryGetValue(action, out var known) ? known : string.Format(Culture, UnnamedChangeFormat, action);
        if (!Blank(subject))
        {
            text += $": {subject}";
        }

        // Elsewhere the audit's before/after are machine values (codes, ISO dates), not words for a person.
        return !ActionsWithReadableValues.Contains(action) || (Blank(before) && Blank(after)) ? text
            : Blank(before) ? $"{text} ({after})"
            : $"{text} ({before} → {after})";

        static bool Blank(string? value) => string.IsNullOrEmpty(value) || value == "-";
    }

    private static readonly HashSet<string> ActionsWithReadableValues =
        ["stage.renamed", "cycle.renamed", "cycle.default", "client.assigned", "client.handover", "dept.renamed", "dept.member", "stage.owner"];

    /// <summary>Audit action codes (`stage.renamed`) and what they mean to a person.</summary>
    protected abstract IReadOnlyDictionary<string, string> ChangeNames { get; }

    protected abstract string UnnamedChangeFormat { get; }
    public abstract string NothingToCancel();

    // Invites and users
    public abstract string InviteAskRole();
    public abstract string InviteCreated(Role role, string link, DateTime expiresLocal);
    public abstract string InviteRoleTooHigh(Role role);
    public abstract string UsersHeader(int total, int page, int pages);
    public abstract string UserLine(string name, string? username, Role role, bool active, bool blocked, string lastSeen);
    public abstract string LastSeen(DateTime? lastSeenUtc, DateTime nowUtc);
    public abstract string PickUser();
    public abstract string UserNotFound(string query);
    public abstract string PickRole(string name, Role current);
    public abstract string RoleChanged(string name, Role from, Role to);
    public abstract string RoleUnchanged(string name, Role role);
    public abstract string YourRoleChanged(Role role);
    public abstract string CannotChangeOwnRole();
    public abstract string ConfigAdmin(string name);
    public abstract string DeactivateConfirm(string name);
    public abstract string UserDeactivated(string name);
    public abstract string AlreadyInactive(string name);
    public abstract string CannotDeactivateSelf();

    /// <summary>
    /// «150 000 ₽» / "150,000 ₽": digits grouped the way the language groups them (a plain space in
    /// Russian — what people type and search for), RUB as ₽, another currency by its code, none if empty.
    /// </summary>
    public string Money(decimal amount, string currency)
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        format.NumberGroupSeparator = Language == Language.Ru ? " " : ",";
        var digits = amount.ToString(amount == decimal.Truncate(amount) ? "#,0" : "#,0.00", format);
        return currency switch
        {
            "" => digits,
            _ when currency.Equals("RUB", StringComparison.OrdinalIgnoreCase) => $"{digits} ₽",
            _ => $"{digits} {Html.Escape(currency)}",
        };
    }

    protected string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    protected string Date(DateTime local) => local.ToString("d MMMM, HH:mm", Culture);
}
