using ChatCrm.Core.Domain.Crm;

namespace ChatCrm.Core.Messages;

/// <summary>What the bot says first: morning plans, reminders, nudges, escalations, obligations and digests.</summary>
public abstract partial class Texts
{
    // Morning plan
    public abstract string PlanHeader(DateTime localDate);
    public abstract string PlanToday(int count);
    public abstract string PlanOverdue(int count);
    public abstract string PlanForgotten(int count);
    public abstract string PlanStuck(int count);
    public abstract string PlanContactLine(DateTime local, string client, string workType, string note);
    public abstract string PlanOverdueLine(DateTime plannedLocal, string client, string workType);
    public abstract string PlanForgottenLine(string client, int days);
    public abstract string PlanStuckLine(int deal, string title, string stage, int days, int allowed);
    public abstract string PlanNorm { get; }
    public abstract string PlanNormItem(string workType, int count);
    public abstract string PlanNothing();
    public abstract string PlanAndMore(int more);

    // Planned contacts: reminder and its buttons
    public abstract string ContactReminder(DateTime local, string client, string workType, string note, string phone);
    public abstract string InHourButton { get; }
    public abstract string TomorrowButton { get; }
    public abstract string InDaysButton(int days);
    public abstract string RescheduleButton { get; }
    public abstract string RescheduleAsk(string client);
    public abstract string AlreadyHandled();

    // Forgotten clients
    public abstract string Nudge(string client, int days, int deal, string title, decimal amount, string stage);
    public abstract string SnoozeButton { get; }
    public abstract string HandOverButton { get; }
    public abstract string CallLogged(string client);
    public abstract string PlanAsk(string client);
    public abstract string NudgeContactPlanned(string client, DateTime local);
    public abstract string SnoozeAskReason(string client);
    public abstract string SnoozeReasonName(SnoozeReason reason);
    public abstract string SnoozeAskUntil(string client, SnoozeReason reason);
    public abstract string Snoozed(string client, SnoozeReason reason, DateTime untilLocal);
    public abstract string LostAsk(string client);
    public abstract string ClientLost(string client, int deals, string reason);
    public abstract string HandOverAsk(string client);
    public abstract string HandedOver(string client, string to);
    public abstract string HandedToYou(string client, string from);
    public abstract string NobodyToHandTo();
    public abstract string Escalation(string client, string manager, int days, int nudges);
    public abstract string EscalationTouch(DateTime local, string workType, string note);
    public abstract string EscalationNoHistory();
    public abstract string ReassignButton { get; }

    // Obligations
    public abstract string PaymentDue(int deal, string title, decimal amount, DateTime dueLocal);
    public abstract string PaymentOverdue(int deal, string title, decimal amount, DateTime dueLocal, int days);
    public abstract string PaymentOverdueToHead(string manager, int deal, string title, decimal amount, DateTime dueLocal, int days);
    public abstract string ShipmentDue(int deal, string title, DateTime paidLocal);
    public abstract string ShipmentOverdue(int deal, string title, DateTime dueLocal, int days);
    public abstract string ShipmentOverdueToHead(string manager, int deal, string title, DateTime dueLocal, int days);

    // Digests
    public abstract string DigestDaily(DateTime localDate);
    public abstract string DigestWeekly(DateTime fromLocal, DateTime toLocal);
    public abstract string DigestMonthly(DateTime fromLocal, DateTime toLocal);
    public abstract string DigestExceptions { get; }
    public abstract string DigestSilent(string names);
    public abstract string DigestLostLine(int deal, string title, string manager, decimal amount, string reason);
    public abstract string DigestRottingLine(int deal, string title, string manager, decimal amount, string stage, int days);
    public abstract string DigestNoExceptions { get; }
    public abstract string DigestManagers(int page, int pages);
    public abstract string DigestManagerLine(string name, int done, int planned, int newDeals, int moves,
        int won, decimal wonSum, int lost, string lostReasons, decimal paid, int forgotten, int overdue);
    public abstract string DigestTeam(int done, int planned, int newDeals, int won, decimal wonSum, int lost, decimal paid);
    public abstract string DigestNoManagers();
    public abstract string WeekVsPrevious { get; }
    public abstract string MonthVsPrevious { get; }
    public abstract string WeekTouches(int now, int before);
    public abstract string WeekNewDeals(int now, int before);
    public abstract string WeekWon(int now, decimal sum, int before, decimal sumBefore);
    public abstract string WeekLost(int now, int before);
    public abstract string WeekWinRate(int? percent, int? before);
    public abstract string WeekDuration(double? days, double? before);
    public abstract string WeekPaid(decimal now, decimal before);
    public abstract string WeekConversion { get; }
    public abstract string WeekConversionLine(string stage, int exits, int forward);
    public abstract string WeekForecast(decimal weighted, decimal target);
    public abstract string WeekReceivables(decimal owed, int overdueCount, decimal overdue);
    public abstract string FunnelTitle { get; }
    public abstract string FunnelCaption(int deals, decimal amount);
    public abstract string DigestPageButton(int page);
    public abstract string DigestUnknownArgs(string args);
}
