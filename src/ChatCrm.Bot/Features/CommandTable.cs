using ChatCrm.Bot.Features.Clients;
using ChatCrm.Bot.Features.Deals;
using ChatCrm.Bot.Features.Departments;
using ChatCrm.Bot.Features.Digest;
using ChatCrm.Bot.Features.Export;
using ChatCrm.Bot.Features.FreeText;
using ChatCrm.Bot.Features.Help;
using ChatCrm.Bot.Features.Import;
using ChatCrm.Bot.Features.Me;
using ChatCrm.Bot.Features.Obligations;
using ChatCrm.Bot.Features.Onboarding;
using ChatCrm.Bot.Features.Reports;
using ChatCrm.Bot.Features.Pay;
using ChatCrm.Bot.Features.Pool;
using ChatCrm.Bot.Features.Records;
using ChatCrm.Bot.Features.SalesProcess;
using ChatCrm.Bot.Features.Scenarios;
using ChatCrm.Bot.Features.Settings;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.StageTasks;
using ChatCrm.Bot.Features.Team;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Bot.Features.Undo;
using ChatCrm.Bot.Features.Web;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Messages;

namespace ChatCrm.Bot.Features;

public sealed record CommandRoute(string Name, Role MinRole, Type Handler, bool InMenu);

public sealed record CallbackRoute(string Prefix, Role MinRole, Type Handler);

/// <summary>What a sent file (a Telegram document) is for; <paramref name="What"/> names it in the audit of a refusal.</summary>
public sealed record DocumentRoute(string What, Role MinRole, Type Handler, Func<Texts, string> Refusal);

/// <summary>
/// Every command and button the bot understands, with the role it needs. The pipeline authorises
/// against this table and nowhere else; /help and the per-role Telegram menus are built from it.
/// Adding a command or a button is one line here plus its handler (and, for a command, its /help text in both
/// languages); the host registers the handlers from this table, so nothing is found by reflection.
/// </summary>
public static class CommandTable
{
    public static readonly IReadOnlyList<CommandRoute> Commands =
    [
        Command<Start>("start", Role.Manager, inMenu: false),
        Command<ShowMenu>("menu", Role.Manager),
        Command<ShowHelp>("help", Role.Manager),
        Command<ChooseLanguage>("lang", Role.Manager),
        Command<SetTimeZone>("tz", Role.Manager),
        Command<SetQuietHours>("quiet", Role.Manager),
        Command<CancelDialog>("cancel", Role.Manager),
        Command<UndoLast>("undo", Role.Manager),
        Command<CreateClient>("client", Role.Manager),
        Command<ListClients>("clients", Role.Manager),
        Command<ShowCard>("card", Role.Manager),
        Command<LogCall>("call", Role.Manager),
        Command<LogMeeting>("meet", Role.Manager),
        Command<LogDemo>("demo", Role.Manager),
        Command<LogEmail>("email", Role.Manager),
        Command<LogAnyTouch>("log", Role.Manager),
        Command<PlanContact>("plan", Role.Manager),
        Command<ShowToday>("today", Role.Manager),
        Command<ShowWeek>("week", Role.Manager),
        Command<ListForgotten>("forgotten", Role.Manager),
        Command<CreateInvite>("invite", Role.Head),
        Command<SendDigest>("digest", Role.Head),
        Command<ShowReport>("report", Role.Manager),
        Command<ListUsers>("users", Role.Admin),
        Command<ChangeRole>("role", Role.Admin),
        Command<DeactivateUser>("deactivate", Role.Admin),
        Command<OpenDeal>("deal", Role.Manager),
        Command<ListDeals>("deals", Role.Manager),
        Command<MoveDeal>("move", Role.Manager),
        Command<WinDeal>("won", Role.Manager),
        Command<LoseDeal>("lost", Role.Manager),
        Command<ExpectPayment>("invoice", Role.Manager),
        Command<RecordPayment>("paid", Role.Manager),
        Command<RecordShipment>("shipped", Role.Manager),
        Command<ShowMyMonth>("me", Role.Manager),
        Command<ShowPipelines>("pipelines", Role.Admin),
        Command<EditPipeline>("pipeline", Role.Admin, inMenu: false),
        Command<ShowStages>("stages", Role.Admin),
        Command<StageCommand>("stage", Role.Admin, inMenu: false),
        Command<ShowCatalog<WorkTypeCatalog>>("worktypes", Role.Admin),
        Command<EditCatalog<WorkTypeCatalog>>("worktype", Role.Admin, inMenu: false),
        Command<ShowCatalog<LostReasonCatalog>>("reasons", Role.Admin),
        Command<EditCatalog<LostReasonCatalog>>("reason", Role.Admin, inMenu: false),
        Command<ShowCatalog<SegmentCatalog>>("segments", Role.Admin),
        Command<EditCatalog<SegmentCatalog>>("segment", Role.Admin, inMenu: false),
        Command<ShowCatalog<ProductCatalog>>("products", Role.Admin),
        Command<EditCatalog<ProductCatalog>>("product", Role.Admin, inMenu: false),
        Command<ShowAudit>("audit", Role.Admin),
        Command<ShowTeam>("team", Role.Head),
        Command<ShowPlans>("plans", Role.Head),
        Command<AssignClient>("assign", Role.Head),
        Command<DistributeProspects>("distribute", Role.Head),
        Command<SetTarget>("target", Role.Head),
        Command<SetNorm>("norm", Role.Head),
        Command<ChangeSettings>("settings", Role.Head),
        Command<ChangePay>("pay", Role.Head),
        Command<ShowPayroll>("payroll", Role.Head),

        // Data in: import.
        Command<ShowImportHelp>("import", Role.Head),

        // Data out: export.
        Command<ExportData>("export", Role.Manager),

        // Client records.
        Command<EditClient>("edit", Role.Manager),
        Command<ManagePersons>("person", Role.Manager),
        Command<ShowHistory>("history", Role.Manager),
        Command<MergeClients>("merge", Role.Manager),

        // The prospect pool.
        Command<ShowPool>("pool", Role.Manager),
        Command<TakeFromPool>("take", Role.Manager, inMenu: false),

        // Departments (issue 12).
        Command<DepartmentCommand>(DepartmentCommand.Name, Role.Head),

        // Norms per work type, department and person (issue 12).

        // Stage tasks: work owed by the department or person owning a stage (issue 12).
        Command<ListTasks>(ListTasks.Name, Role.Manager),

        // Scenarios: the typical steps of each stage and segment (issue 12).
        Command<ScenarioCommand>(ScenarioCommand.Name, Role.Manager),

        // The board in a browser (issue 13): a one-time sign-in link.
        Command<SendWebLink>("web", Role.Manager),
    ];

    /// <summary>A file sent to the bot: a spreadsheet to import, so heads and admins only.</summary>
    public static readonly DocumentRoute Documents = new("/import", Role.Head, typeof(ReceiveImportFile), t => t.ImportOnlyHeads());

    public static readonly IReadOnlyList<CallbackRoute> Callbacks =
    [
        Callback<PickOption>(Dialogs.PickPrefix, Role.Manager),
        Callback<ChooseLanguage>("lang", Role.Manager),
        Callback<SetTimeZone>("tz", Role.Manager),
        Callback<SetQuietHours>("quiet", Role.Manager),
        Callback<ListClients>("cls", Role.Manager),
        Callback<ShowCard>("card", Role.Manager),
        Callback<ClientActions>(ClientActions.Prefix, Role.Manager),
        Callback<NextStep>("nx", Role.Manager),
        Callback<CreateInvite>("inv", Role.Head),
        // Under scheduled messages (reminders, plans, nudges, escalations) and /today. The prefixes span two
        // segments so that the buttons already sent, `sch:<verb>:<id>…`, keep arriving here unchanged.
        Callback<MarkContactDone>(MarkContactDone.Prefix, Role.Manager),
        Callback<PostponeContact>(PostponeContact.Prefix, Role.Manager),
        Callback<RescheduleContact>(RescheduleContact.Prefix, Role.Manager),
        Callback<LogCallFromNudge>(LogCallFromNudge.Prefix, Role.Manager),
        Callback<PlanFromNudge>(PlanFromNudge.Prefix, Role.Manager),
        Callback<SnoozeClient>(SnoozeClient.Prefix, Role.Manager),
        Callback<LoseClient>(LoseClient.Prefix, Role.Manager),
        Callback<HandOverClient>(HandOverClient.Prefix, Role.Manager),
        Callback<SendDigest>(SendDigest.Prefix, Role.Head),
        Callback<ShowReport>(ShowReport.Prefix, Role.Manager),
        Callback<ListUsers>("users", Role.Admin),
        Callback<ChangeRole>("role", Role.Admin),
        Callback<DeactivateUser>("deact", Role.Admin),
        Callback<ShowStages>("stg", Role.Admin),
        Callback<CatalogButtons>("cat", Role.Admin),
        Callback<ShowAudit>("audit", Role.Admin),
        Callback<ShowPlans>("plans", Role.Head),
        Callback<DistributeProspects>("dist", Role.Head),
        Callback<ChangeSettings>("set", Role.Head),
        Callback<MoveDeal>(DealViews.Move, Role.Manager),
        Callback<WinDeal>(DealViews.Win, Role.Manager),
        Callback<LoseDeal>(DealViews.Lose, Role.Manager),
        Callback<ReopenDeal>(DealViews.Reopen, Role.Manager),
        Callback<ListDeals>(DealViews.List, Role.Manager),
        Callback<ChangePay>(ChangePay.Prefix, Role.Head),
        Callback<FreeTextButtons>(FreeTextProposals.Prefix, Role.Manager),

        // Data in: import.
        Callback<ImportPreviewButtons>(ImportPreviewButtons.Prefix, Role.Head),
        Callback<ImportAnswers>(ImportQuestions.Prefix, Role.Head),

        // Data out: export.
        Callback<ExportData>(ExportData.Prefix, Role.Manager),

        // Client records.
        Callback<PersonButtons>(PersonButtons.Prefix, Role.Manager),
        Callback<ShowHistory>(ShowHistory.Prefix, Role.Manager),

        // The prospect pool.
        Callback<ShowPool>(ShowPool.Prefix, Role.Manager),
        Callback<TakeFromPool>(TakeFromPool.Prefix, Role.Manager),
        Callback<DistributePool>(DistributePool.Prefix, Role.Head),

        // Departments (issue 12).
        Callback<ShowDepartments>(ShowDepartments.Prefix, Role.Head),

        // Norms per work type, department and person (issue 12).

        // Stage tasks: work owed by the department or person owning a stage (issue 12).
        Callback<TaskButtons>(TaskViews.Prefix, Role.Manager),

        // Scenarios: the typical steps of each stage and segment (issue 12).
        Callback<ScenarioSkipGate>(ScenarioSkipGate.Prefix, Role.Manager),
    ];

    /// <summary>
    /// What /undo can take back: one handler per kind of change recorded with <see cref="UndoRecorder.Record"/>.
    /// A handler that records a new kind adds its undo here.
    /// </summary>
    public static readonly IReadOnlyList<Type> UndoHandlers =
    [
        Undo<ClientUndo>(),
        Undo<TouchUndo>(),
        Undo<ContactDoneUndo>(),
        Undo<ContactMovedUndo>(),
        Undo<PlannedContactUndo>(),
        Undo<UndoDealChange>(),
        Undo<UndoDealOpened>(),
        Undo<UndoDealLine>(),
        Undo<UndoObligation>(),

        // Client records.
        Undo<UndoClientEdit>(),
        Undo<UndoPersonChange>(),
        Undo<UndoMerge>(),

        // The prospect pool.
        Undo<TakeUndo>(),
    ];

    /// <summary>Callback prefix that re-runs a command without arguments: menu buttons use it.</summary>
    public const string RunPrefix = "run";

    private static readonly Dictionary<string, CommandRoute> ByName = Commands.ToDictionary(c => c.Name);
    private static readonly Dictionary<string, CallbackRoute> ByPrefix = Callbacks.ToDictionary(c => c.Prefix);

    public static CommandRoute? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>
    /// The route that callback data (split at ':') names, and the arguments after its prefix. A prefix of two
    /// segments wins over one: `sch:done:42` is the route `sch:done` with the argument `42`.
    /// </summary>
    public static (CallbackRoute Route, string[] Args)? FindCallback(string[] parts)
    {
        if (parts.Length > 1 && ByPrefix.TryGetValue($"{parts[0]}:{parts[1]}", out var two))
        {
            return (two, parts[2..]);
        }

        return ByPrefix.TryGetValue(parts[0], out var one) ? (one, parts[1..]) : null;
    }

    public static IEnumerable<CommandRoute> AvailableTo(Role role) => Commands.Where(c => role.Includes(c.MinRole));

    /// <summary>The Telegram command menu (setMyCommands) for one role, in one language.</summary>
    public static IEnumerable<MenuCommand> MenuFor(Role role, Texts texts) =>
        AvailableTo(role).Where(c => c.InMenu).Select(c => new MenuCommand(c.Name, texts.Docs[c.Name].Summary));

    public static string Run(string command) => $"{RunPrefix}:{command}";

    private static CommandRoute Command<T>(string name, Role role, bool inMenu = true) where T : ICommandHandler =>
        new(name, role, typeof(T), inMenu);

    private static CallbackRoute Callback<T>(string prefix, Role role) where T : ICallbackHandler =>
        new(prefix, role, typeof(T));

    private static Type Undo<T>() where T : IUndoHandler => typeof(T);
}
