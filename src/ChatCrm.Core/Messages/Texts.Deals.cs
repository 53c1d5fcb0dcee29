using System.Globalization;

namespace ChatCrm.Core.Messages;

// Deals through stages, obligations and the manager's month (/deal, /deals, /move, /won, /lost, /invoice,
// /paid, /shipped, /me). A deal is always shown with its number, so the next command can name it.
public abstract partial class Texts
{
    // Opening and listing
    public abstract string DealOpened(long number, string title, string client, decimal amount, string currency, string stage, string? cycle);
    public abstract string DealAskClient();
    public abstract string DealAskAmount(string client);
    public abstract string AmountUnreadable(string input);
    public abstract string DealCycleNotFound(string input, string cycles);
    public abstract string DealAskNumber(string command);
    public abstract string DealsEmpty(string? filter);
    public abstract string DealsHeader(int total, int page, int pages, string? filter);
    public abstract string DealsStage(string stage, string? cycle);
    public abstract string DealsLine(long number, string title, string client, decimal amount, string currency, int daysInStage, string? owner);
    public abstract string DealsFilterUnknown(string query);

    // Stages, winning, losing, reopening
    public abstract string PickStage(long number, string title, string stage);
    public abstract string StageUnknown(string input, string cycle);
    public abstract string DealMoved(long number, string title, string from, string to);
    public abstract string DealClosedReopenOffer(long number, string title, bool won, string? stage);
    public abstract string DealWon(long number, string title, decimal amount, string currency);
    public abstract string PickLostReason(long number, string title, string? typed);
    public abstract string DealLostBecause(long number, string title, string reason);
    public abstract string DealReopened(long number, string title, string stage);
    public abstract string WonButton { get; }
    public abstract string LostButton { get; }
    public abstract string ReopenButton { get; }

    // Obligations
    public abstract string InvoiceUsage();
    public abstract string PaidUsage();
    public abstract string AskDueDate(long number, decimal amount, string currency);
    public abstract string DateUnreadable(string input);
    public abstract string InvoiceRecorded(long number, string title, decimal amount, string currency, string due, decimal owed);
    public abstract string PaymentRecorded(long number, string title, decimal amount, string currency, string when, decimal owed);
    public abstract string ShipmentRecorded(long number, string title, string when, string? note, decimal owed, string currency);
    public abstract string ShipmentExpected(long number, string title, string when);

    // What /undo says it took back (plain text: it is escaped when shown)
    public abstract string UndoDealOpened(long number);
    public abstract string UndoDealMoved(long number);
    public abstract string UndoDealWon(long number);
    public abstract string UndoDealLost(long number);
    public abstract string UndoDealReopened(long number);
    public abstract string UndoInvoice(long number);
    public abstract string UndoPayment(long number);
    public abstract string UndoShipment(long number);
    public abstract string UndoShipmentExpected(long number);

    // /me
    public abstract string MeHeader(string name, DateTime localNow);
    public abstract string MeTouches(string workType, int done, int? expected);
    public abstract string MeNoTouches();
    public abstract string MePipeline(int openDeals, decimal amount, decimal weighted, string currency);
    public abstract string MeWon(int count, decimal amount, decimal? target, string currency);
    public abstract string MePaid(decimal amount, decimal? target, string currency);
    public abstract string MeNoTarget();

    /// <summary>
    /// A name in a list, escaped and cut so the escaped text stays within <paramref name="max"/> characters
    /// («&amp;» counts as five): a page of long or hostile names still fits one message.
    /// </summary>
    protected static string Clip(string value, int max = 48)
    {
        var escaped = Html.Escape(value);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var kept = new System.Text.StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            var piece = Html.Escape(rune.ToString());
            if (kept.Length + piece.Length > max - 1)
            {
                break;
            }

            kept.Append(piece);
        }

        return kept.Append('…').ToString();
    }

    /// <summary>
    /// « · 👤 Иван» on a line of a list a head reads, where rows are everyone's; nothing for null (a manager's own
    /// list). Cut shorter than other names: it is on every line of a page.
    /// </summary>
    protected static string Whose(string? owner) => owner is null ? "" : $" · 👤 {Clip(owner, 24)}";

    /// <summary>Percent of a target reached, rounded down: 99.9 % is not yet 100 %.</summary>
    protected static int PercentOf(decimal amount, decimal target) =>
        target <= 0 ? 0 : (int)Math.Floor(amount * 100m / target);

    // A deal changed by someone other than its manager (a head): the manager is told who did what.
    public abstract string DealMovedByOther(string who, long number, string title, string from, string to);
    public abstract string DealWonByOther(string who, long number, string title, decimal amount, string currency);
    public abstract string DealLostByOther(string who, long number, string title, string reason);
}
