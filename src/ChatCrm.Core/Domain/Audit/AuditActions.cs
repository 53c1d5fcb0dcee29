namespace ChatCrm.Core.Domain.Audit;

/// <summary>
/// The codes an <see cref="AuditEntry"/> records, and which of them are changes. The codes are stored in
/// audit rows and named for people in <c>Texts.ChangeNames</c>: an old row keeps its code, so never rename one.
/// Catalog and obligation codes are composed where they are recorded (<c>reason.added</c>, <c>obligation.payment</c>).
/// </summary>
public static class AuditActions
{
    public const string ClientCreated = "client.created";
    public const string ClientAssigned = "client.assigned";
    public const string ClientHandover = "client.handover";
    public const string ClientSnoozed = "client.snoozed";
    public const string ClientRemoved = "client.removed";
    public const string ClientsDistributed = "clients.distributed";
    public const string ClientTaken = "client.taken";
    public const string TouchLogged = "touch.logged";
    public const string ContactPlanned = "contact.planned";
    public const string ContactDone = "contact.done";
    public const string ContactMoved = "contact.moved";
    public const string DealOpen = "deal.open";
    public const string DealMove = "deal.move";
    public const string DealWon = "deal.won";
    public const string DealLost = "deal.lost";
    public const string DealReopen = "deal.reopen";
    public const string DealLineAdded = "deal.line.added";
    public const string DealLineRemoved = "deal.line.removed";
    public const string CycleAdded = "cycle.added";
    public const string CycleRenamed = "cycle.renamed";
    public const string CycleDefault = "cycle.default";
    public const string StageAdded = "stage.added";
    public const string StageRenamed = "stage.renamed";
    public const string StageMoved = "stage.moved";
    public const string StageRemoved = "stage.removed";
    public const string StageDays = "stage.days";
    public const string StageProbability = "stage.probability";
    public const string SettingChanged = "setting.changed";
    public const string TargetSet = "target.set";
    public const string PaySchemeChanged = "pay.scheme";
    public const string NormSet = "norm.set";
    public const string NormRemoved = "norm.removed";
    public const string UserRole = "user.role";
    public const string UserDeactivated = "user.deactivated";
    public const string UserHandover = "user.handover";
    public const string UserJoined = "user.joined";
    public const string InviteCreated = "invite.created";
    public const string DeptAdded = "dept.added";
    public const string DeptRenamed = "dept.renamed";
    public const string DeptRemoved = "dept.removed";

    /// <summary>A person moved between departments: before and after are the departments' names.</summary>
    public const string DeptMember = "dept.member";

    /// <summary>Who owns a stage: before and after are a department's or a person's name, "-" for the deals' managers.</summary>
    public const string StageOwner = "stage.owner";

    /// <summary>A stage's scenario changed: the target is the stage (and #segment), before/after the step.</summary>
    public const string ScenarioAdded = "scenario.added";
    public const string ScenarioRemoved = "scenario.removed";
    public const string ScenarioMoved = "scenario.moved";

    /// <summary>A deal moved on with required scenario steps undone, confirmed: after names the skipped steps.</summary>
    public const string ScenarioSkipped = "scenario.skipped";

    /// <summary>Stage tasks (subject «deal #N»): made when a deal enters an owned stage (before: the stage, after: who owes it)…</summary>
    public const string TaskOpened = "task.opened";

    /// <summary>…taken into work (before: the stage)…</summary>
    public const string TaskTaken = "task.taken";

    /// <summary>…done (before: the stage, after: the stage the deal went on to)…</summary>
    public const string TaskDone = "task.done";

    /// <summary>…handed back (before: the stage, after: the comment)…</summary>
    public const string TaskReturned = "task.returned";

    /// <summary>…cancelled because the deal left the stage another way (after: why)…</summary>
    public const string TaskCancelled = "task.cancelled";

    /// <summary>…or given to another side when its department went (before and after: who owes it).</summary>
    public const string TaskReassigned = "task.reassigned";

    // Not changes: audited, but /undo neither takes them back nor stops at them.

    /// <summary>A refused command or button: an attempt, not a change.</summary>
    public const string AccessDenied = "access.denied";

    /// <summary>An /undo takes a change back; so do <see cref="DealUndo"/>, <see cref="ObligationUndo"/> and any <c>*.undo</c>.</summary>
    public const string Undo = "undo";

    public const string DealUndo = "deal.undo";
    public const string ObligationUndo = "obligation.undo";

    // A user's own preferences, and what Telegram tells us about the user.
    public const string UserLanguage = "user.language";
    public const string UserTimeZone = "user.timezone";
    public const string UserQuietHours = "user.quiet-hours";
    public const string UserBlockedBot = "user.blocked-bot";
    public const string UserUnblockedBot = "user.unblocked-bot";

    /// <summary>Updates refused at the front door: too many already waiting for the sender, or a deactivated sender flooding.</summary>
    public const string UpdatesRefused = "updates.refused";

    /// <summary>An admin put in place from the configuration at start, by no user.</summary>
    public const string AdminConfigured = "admin.configured";

    /// <summary>Data taken out with /export: the file (kind, period, filter) and how many rows it held.</summary>
    public const string DataExported = "data.exported";

    /// <summary>/web gave a one-time sign-in link to the board (after: until when it works).</summary>
    public const string WebLinkIssued = "web.link";

    /// <summary>A /web link signed a browser in to the board (subject: the session's number; after: until when).</summary>
    public const string WebSignedIn = "web.login";

    /// <summary>A browser signed out of the board (subject: the session's number).</summary>
    public const string WebSignedOut = "web.logout";

    private static readonly HashSet<string> NotChanges =
        [AccessDenied, Undo, UserLanguage, UserTimeZone, UserQuietHours, UserBlockedBot, UserUnblockedBot, AdminConfigured, UpdatesRefused, DataExported,
            WebLinkIssued, WebSignedIn, WebSignedOut];

    /// <summary>
    /// Whether the action changes the shared CRM, so that it becomes the user's last change for /undo: refusals, undos
    /// and a user's own preferences do not.
    /// </summary>
    public static bool IsChange(string action) =>
        !NotChanges.Contains(action) && !action.EndsWith("." + Undo, StringComparison.Ordinal);
}
