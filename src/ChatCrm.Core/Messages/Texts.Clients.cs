namespace ChatCrm.Core.Messages;

/// <summary>Clients, touches and the manager's plan: /client, /clients, /card, /call…/log, /plan, /today, /week, /forgotten.</summary>
public abstract partial class Texts
{
    // Buttons
    public abstract string Tomorrow { get; }
    public abstract string InThreeDays { get; }
    public abstract string NextWeek { get; }
    public abstract string PickDate { get; }
    public abstract string NoNextContact { get; }
    public abstract string CardButton { get; }
    public abstract string TodayButton { get; }
    public abstract string LogCallButton { get; }
    public abstract string PlanButton { get; }
    public abstract string NewDealButton { get; }
    public abstract string WithoutNoteButton { get; }
    public abstract string RefreshButton { get; }
    public abstract string WithoutSegmentButton { get; }
    public abstract string CreateAnywayButton { get; }

    /// <summary>A button label is plain text, never HTML, and the client's name says it all in either language.</summary>
    public string OpenExistingButton(string client) => $"🗂 {client}";

    /// <summary>«3 дня назад», "3 days ago".</summary>
    public abstract string Ago(DateTime utc, DateTime nowUtc);
    public abstract string AndMore(int count);

    // Creating clients
    public abstract string AskClientName();
    public abstract string ClientCreated(string client, string contacts, string? segment);

    /// <summary>Plain text, not HTML: /undo escapes it when it shows it.</summary>
    public string ClientUndoDescription(string client) => string.Format(Culture, ClientUndoFormat, client);

    protected abstract string ClientUndoFormat { get; }
    public abstract string SegmentUnknown(string segment, bool othersExist);
    public abstract string DuplicateHeader(string client);
    public abstract string DuplicateLine(string client, string contacts, string? owner, bool mine, bool samePhone, bool sameEmail);
    public abstract string DuplicateQuestion();

    /// <summary>A manager's new client is another manager's: the header of the refusal.</summary>
    public abstract string DuplicateRefused(string client);

    /// <summary>Another manager's (or the pool's) client that matched: who has it and which field, never the client itself.</summary>
    public abstract string DuplicateElsewhere(string? owner, bool samePhone, bool sameEmail);

    /// <summary>Who a client without a manager belongs to, wherever an owner's name would stand.</summary>
    public abstract string Unassigned { get; }

    // Lists and cards
    public abstract string NoClients();
    public abstract string ClientsHeader(int total, int page, int pages, bool everyone);
    public abstract string ClientsFound(string query, int total);
    public abstract string ClientsNotFound(string query);
    public string ClientLine(int number, string client, string? owner, string? lastTouch, string? nextContact, bool overdue) =>
        $"{number}. {Html.Bold(client)}{Whose(owner)}"
        + (lastTouch is null ? $" · {NoTouchesShort}" : $" · 🕑 {Html.Escape(lastTouch)}")
        + (nextContact is null ? "" : $" · {(overdue ? "⚠️" : "📅")} {Html.Escape(nextContact)}");

    protected abstract string NoTouchesShort { get; }
    public abstract string ClientsHint();
    public abstract string CardHeader(string client, string? segment, string? owner, string created);
    public string CardContacts(string contacts) => $"📇 {Html.Escape(contacts)}";
    public abstract string CardNoDeals();
    public abstract string CardDealsHeader(int total);
    public abstract string CardDeal(int number, string title, string stage, decimal amount, string currency, int daysInStage);
    public abstract string CardNoTouches();
    public abstract string CardTouchesHeader();
    public string CardTouch(string workType, string ago, string note) =>
        $"• {Html.Escape(workType)}, {Html.Escape(ago)}" + (note.Length == 0 ? "" : $" — {Html.Escape(note)}");
    public abstract string CardNoNext();
    public abstract string CardNext(string workType, string when, bool overdue, string note);

    // Touches and planned contacts
    public abstract string AskTouchClient(string workType);
    public abstract string AskTouchNote(string workType, string client);
    public abstract string AskWorkType();
    public abstract string WorkTypeUnknown(string workType, IReadOnlyList<string> codes);
    public abstract string TouchLogged(string workType, string client, string? backDatedTo, string? next);

    /// <summary>Plain text, not HTML: /undo escapes it when it shows it.</summary>
    public string TouchUndoDescription(string workType, string client) => $"{workType}: {client}";
    public abstract string AskNextContact(string client);
    public abstract string NextContactAlready(string when);
    public abstract string NoNextContactSet(string client);
    public abstract string AskPlanClient();
    public abstract string AskWhen(string client);
    public abstract string WhenNotUnderstood(string text);
    public abstract string ContactPlanned(string workType, string client, string when, bool overdue);

    /// <summary>Plain text, not HTML: /undo escapes it when it shows it.</summary>
    public string PlanUndoDescription(string workType, string client) => string.Format(Culture, PlanUndoFormat, workType, client);

    protected abstract string PlanUndoFormat { get; }

    /// <summary>Plain text, not HTML: /undo escapes it when it shows it.</summary>
    public string MoveUndoDescription(string workType, string client) => string.Format(Culture, MoveUndoFormat, workType, client);

    protected abstract string MoveUndoFormat { get; }
    public abstract string AskDeal(string client);

    // The plan
    public abstract string TodayHeader(string date);
    public abstract string WeekHeader();
    public abstract string OverdueHeader(int total);
    public abstract string PlannedTodayHeader(int total);
    public abstract string PlannedWeekHeader(int total);
    public string DayHeader(string date) => $"<i>{Html.Escape(date)}</i>";
    public abstract string NothingPlanned();
    public string PlanLine(int number, string when, string workType, string client, string note) =>
        $"{number}. {Html.Escape(when)} {Html.Escape(workType)} — {Html.Bold(client)}" + (note.Length == 0 ? "" : $" · {Html.Escape(note)}");
    public abstract string PlanButtonsHint();
    public abstract string ForgottenHeader(int total);
    public abstract string ForgottenLine(int number, string client, int daysSilent);
    public abstract string ForgottenButtonsHint();
    public abstract string NoForgotten(int days);
}
