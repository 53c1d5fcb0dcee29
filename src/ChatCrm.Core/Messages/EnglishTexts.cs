using System.Globalization;
using ChatCrm.Core.Domain.Users;
using Humanizer;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts : Texts
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public override Language Language => Language.En;
    public override CultureInfo Culture => En;

    public override string RoleName(Role role) => role switch
    {
        Role.Manager => "manager",
        Role.Head => "head of sales",
        Role.Admin => "admin",
        _ => role.ToString(),
    };

    public override string Yes => "Yes";
    public override string No => "No";
    public override string CancelButton => "✖️ Cancel";
    public override string Next => "Next ›";
    public override string Previous => "‹ Back";
    public override string Never => "never";

    public override string Welcome(string name, Role role) =>
        $"👋 Welcome, {Bold(name)}! You are a {RoleName(role)}.\nTap /menu to start, or /help for all commands.";

    public override string Hello(string name, Role role) =>
        $"👋 {Bold(name)}, you are in ChatCrm ({RoleName(role)}).\n/menu for the main actions, /help for every command.";

    public override string Stranger() =>
        "🔒 This is a private sales CRM. To join, ask your head of sales for an invite link.";

    public override string InviteNotValid(InviteState state) => state switch
    {
        InviteState.Used => "🔒 This invite has already been used. Ask your head of sales for a new one.",
        InviteState.Expired => "🔒 This invite has expired. Ask your head of sales for a new one.",
        _ => "🔒 There is no such invite. Check the link or ask for a new one.",
    };

    public override string AlreadyJoined(Role role) =>
        $"You are already in ChatCrm ({RoleName(role)}). The invite was not needed and stays unused.";

    public override string PrivateChatOnly(string? botUsername) =>
        botUsername is null
            ? "CRM commands work in a private chat with the bot — please write to me directly."
            : $"CRM commands work in a private chat with the bot — write to me: @{Escape(botUsername)}";

    public override string Deactivated() =>
        "⛔ Your access to ChatCrm is switched off. If this is a mistake, contact your admin.";

    public override string HelpHeader(Role role) => $"📖 <b>Commands</b> ({RoleName(role)}):";
    public override string HelpFooter => "More about a command: /help &lt;command&gt;, e.g. /help tz";
    public override string ExampleLabel => "Example";

    protected override void AddFoundationDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["start"] = new("start", "/start [invite code]", "/start");
        docs["help"] = new("help on commands", "/help [command]", "/help tz");
        docs["menu"] = new("main menu with buttons", "/menu", "/menu");
        docs["lang"] = new("language: Russian or English", "/lang ru|en", "/lang ru");
        docs["tz"] = new("time zone", "/tz &lt;zone, city or UTC offset&gt;", "/tz Berlin");
        docs["quiet"] = new("quiet hours without reminders", "/quiet &lt;HH:MM-HH:MM&gt; | off", "/quiet 21:00-08:00");
        docs["cancel"] = new("leave the current dialog", "/cancel", "/cancel");
        docs["undo"] = new("undo your last change (10 minutes)", "/undo", "/undo");
        docs["invite"] = new("invite link for a new colleague", "/invite manager|head|admin", "/invite manager");
        docs["users"] = new("users and their roles", "/users", "/users");
        docs["role"] = new("change a user's role", "/role &lt;user&gt; manager|head|admin", "/role @ivan_sales head");
    }

    public override string UnknownCommand(string name) =>
        $"I don't know the command /{Escape(name)}. See /help for the list.";

    public override string NotAllowed(string command, Role required) =>
        $"⛔ /{Escape(command)} is for the {RoleName(required)} role and above.";

    public override string NotAllowedButton(Role required) => $"⛔ This button is for the {RoleName(required)} role and above.";

    public override string MenuTitle(Role role) => $"What shall we do? ({RoleName(role)})";

    public override string NotUnderstood() =>
        "I understand commands — try /help. Photos and stickers are not stored yet.";

    public override string ConcurrentChange() =>
        "⚠️ Someone else changed the same record at the same moment, so your action was not saved. Have a look at it now and repeat.";

    public override string Apology() =>
        "😔 Something went wrong and nothing was changed. Please try again a little later — we are looking into it.";

    public override string WorkingThrough() =>
        "⏳ Lots of messages in a row — I am working through them in order, nothing is lost. Replies will follow shortly.";

    public override string TooManyWaiting() =>
        "⛔ Too many of your messages are already waiting. New ones are not accepted until I have worked through those.";
    public override string StaleButton() => "This button is out of date.";

    public override string LanguageAsk() => "Choose your language / Выберите язык:";
    public override string LanguageSet() => "✅ Language: English.";

    public override string TimeZoneShow(string zoneId, string offset, DateTime localNow) =>
        $"🕒 Your time zone: {Bold(zoneId)} ({Escape(offset)}), it is {Time(localNow)} now.\nTo change it: /tz Berlin, /tz Europe/Moscow or /tz +5.";

    public override string TimeZoneSet(string zoneId, string offset, DateTime localNow) =>
        $"✅ Time zone: {Bold(zoneId)} ({Escape(offset)}), your time is {Time(localNow)}.";

    public override string TimeZoneUnknown(string input) =>
        $"I couldn't find the time zone “{Escape(input)}”. Type a city (Berlin, Москва), a zone (Europe/Moscow) or an offset (+3).";

    public override string QuietShow(QuietHours? quiet) =>
        quiet is null
            ? "🔔 No quiet hours set. Example: /quiet 21:00-08:00"
            : $"🔕 Quiet hours: {quiet} — the bot does not write first then. Turn off: /quiet off";

    public override string QuietSet(QuietHours quiet) =>
        $"🔕 Quiet hours: {quiet}. Reminders due then arrive when they end.";

    public override string QuietOff() => "🔔 Quiet hours are off.";

    public override string QuietInvalid(string input) =>
        $"I didn't understand “{Escape(input)}”. Give a range like 21:00-08:00, or off.";

    public override string Cancelled() => "Cancelled.";
    public override string NothingToUndo() => "Nothing to undo: you changed nothing in the last 10 minutes.";
    public override string UndoTooLate(string description) =>
        $"More than 10 minutes have passed — “{Escape(description)}” can't be undone now. Please fix it by hand.";
    public override string Undone(string description) => $"↩️ Undone: {Escape(description)}";

    public override string CannotUndo(string description) =>
        $"Your last change — “{Escape(description)}” — cannot be undone with /undo: please correct it by hand. Earlier changes stay as they are.";

    protected override IReadOnlyDictionary<string, string> ChangeNames { get; } = new Dictionary<string, string>
    {
        ["client.created"] = "client created", ["client.assigned"] = "client assigned", ["client.handover"] = "client handed over",
        ["client.snoozed"] = "client snoozed", ["client.removed"] = "client removed", ["clients.distributed"] = "clients distributed",
        ["client.taken"] = "client taken from the pool",
        ["client.edited"] = "client record edited",
        ["person.added"] = "contact person added",
        ["person.edited"] = "contact person edited",
        ["person.removed"] = "contact person removed",
        ["clients.merged"] = "clients merged",
        ["client.edited.undo"] = "client edit undone",
        ["person.added.undo"] = "contact person addition undone",
        ["person.edited.undo"] = "contact person edit undone",
        ["person.removed.undo"] = "contact person removal undone",
        ["clients.merged.undo"] = "client merge undone",
        ["clients.imported"] = "clients imported",
        ["clients.import_stopped"] = "client import stopped",
        ["touch.logged"] = "touch", ["contact.planned"] = "contact planned", ["contact.done"] = "contact done",
        ["contact.moved"] = "contact moved", ["deal.open"] = "deal opened", ["deal.move"] = "deal moved",
        ["deal.won"] = "deal won", ["deal.lost"] = "deal lost", ["deal.reopen"] = "deal reopened",
        ["obligation.payment"] = "payment", ["obligation.shipment"] = "shipment", ["obligation.expectedpayment"] = "expected payment",
        ["cycle.added"] = "pipeline added", ["cycle.renamed"] = "pipeline renamed", ["cycle.default"] = "default pipeline",
        ["stage.added"] = "stage added", ["stage.renamed"] = "stage renamed", ["stage.moved"] = "stage moved",
        ["stage.removed"] = "stage removed", ["stage.days"] = "stage days", ["stage.probability"] = "stage probability",
        ["worktype.added"] = "work type added", ["worktype.retired"] = "work type retired", ["worktype.deleted"] = "work type deleted",
        ["reason.added"] = "loss reason added", ["reason.retired"] = "loss reason retired", ["reason.deleted"] = "loss reason deleted",
        ["segment.added"] = "segment added", ["segment.retired"] = "segment retired", ["segment.deleted"] = "segment deleted",
        ["product.added"] = "product added", ["product.retired"] = "product retired", ["product.deleted"] = "product deleted",
        ["setting.changed"] = "setting changed", ["target.set"] = "sales target", ["norm.set"] = "activity norm",
        ["pay.scheme"] = "pay scheme",
        ["norm.removed"] = "activity norm removed", ["user.role"] = "role changed", ["user.deactivated"] = "colleague deactivated",
        ["user.handover"] = "work handed over", ["invite.created"] = "invite created",
        ["dept.added"] = "department added", ["dept.renamed"] = "department renamed", ["dept.removed"] = "department removed",
        ["dept.member"] = "person moved to another department", ["stage.owner"] = "stage owner",
        ["scenario.added"] = "scenario step added", ["scenario.removed"] = "scenario step removed",
        ["scenario.moved"] = "scenario step moved", ["scenario.skipped"] = "scenario steps skipped",
        ["task.opened"] = "stage task", ["task.taken"] = "task taken into work", ["task.done"] = "task done",
        ["task.returned"] = "deal handed back with a comment", ["task.cancelled"] = "task withdrawn", ["task.reassigned"] = "task reassigned",
    };

    protected override string UnnamedChangeFormat => "change “{0}”";
    public override string NothingToCancel() => "Nothing to cancel.";

    public override string InviteAskRole() => "Who are we inviting?";

    public override string InviteCreated(Role role, string link, DateTime expiresLocal) =>
        $"🎟 Invite: {RoleName(role)}\n{Escape(link)}\n\nSingle use, valid until {Date(expiresLocal)}. Forward the link to your colleague.";

    public override string InviteRoleTooHigh(Role role) =>
        $"⛔ Only an admin can invite with the {RoleName(role)} role.";

    public override string UsersHeader(int total, int page, int pages) =>
        $"👥 <b>Users</b>: {total}" + (pages > 1 ? $" (page {page}/{pages})" : "");

    public override string UserLine(string name, string? username, Role role, bool active, bool blocked, string lastSeen) =>
        $"{(active ? blocked ? "🚫" : "•" : "⛔")} {Escape(name)}{(username is null ? "" : $" @{Escape(username)}")} — {RoleName(role)}"
        + (active ? blocked ? ", blocked the bot" : "" : ", switched off") + $", seen {Escape(lastSeen)}";

    public override string LastSeen(DateTime? lastSeenUtc, DateTime nowUtc) =>
        lastSeenUtc is { } at ? at.Humanize(utcDate: true, dateToCompareAgainst: nowUtc, culture: En) : Never;

    public override string PickUser() => "Choose a user:";

    public override string UserNotFound(string query) =>
        $"No user “{Escape(query)}”. Give an @username, a name or a Telegram id — or pick one from /users.";

    public override string PickRole(string name, Role current) =>
        $"Role for {Bold(name)} (now {RoleName(current)}):";

    public override string RoleChanged(string name, Role from, Role to) =>
        $"✅ {Bold(name)}: {RoleName(from)} → {RoleName(to)}.";

    public override string RoleUnchanged(string name, Role role) => $"{Bold(name)} is already a {RoleName(role)}.";

    public override string YourRoleChanged(Role role) =>
        $"ℹ️ Your ChatCrm role is now: {RoleName(role)}. Your command menu has been updated.";

    public override string CannotChangeOwnRole() => "⛔ You can't change your own role — ask another admin.";

    public override string ConfigAdmin(string name) =>
        $"⛔ {Bold(name)} is an admin from the settings (Crm:AdminTelegramIds). Remove them there to change their role or switch them off.";

    public override string DeactivateConfirm(string name) =>
        $"Switch off {Bold(name)}? They will no longer be able to use the bot.";

    public override string UserDeactivated(string name) => $"⛔ {Bold(name)} is switched off.";
    public override string AlreadyInactive(string name) => $"{Bold(name)} is already switched off.";
    public override string CannotDeactivateSelf() => "⛔ You can't switch yourself off.";
}
