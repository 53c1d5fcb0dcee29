using ChatCrm.Core.Domain.Pay;

namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // The pay scheme (/pay)
    public abstract string PayNoScheme();
    public abstract string PayHeader(DateOnly effectiveFrom);
    public abstract string PayBase(string money);
    public abstract string PayPercent(decimal percent, bool replacedByTiers);
    public abstract string PayProductPercent(string product, decimal percent);
    public abstract string PaySegmentPercent(string segment, decimal percent);
    public abstract string PayWonBonus(string money);
    public abstract string PayPieceRate(string workType, string money);
    public abstract string PayTiersHeader { get; }
    public abstract string PayTier(decimal from, decimal? to, decimal percent);
    public abstract string PayLaterVersion(DateOnly effectiveFrom);
    public abstract string PayHowToChange();
    public abstract string PaySaved(DateOnly effectiveFrom);
    public abstract string PayNotSaved();
    public abstract string PayProblemText(PayProblem problem, string? name);
    public abstract string PayUnknownSetting(string word);
    public abstract string PayBadNumber(string text);
    public abstract string PayBadTiers(string text);
    public abstract string PayProductNotFound(string name);
    public abstract string PayWorkTypeNotFound(string name);
    public abstract string PayAskValue(string setting);
    public abstract string PayButton(string setting);

    // A payslip (/me, /payroll)
    public abstract string PayslipLine(PayLine line, string? name, string currency);
    public abstract string MePayHeader(string total);
    public abstract string MePayAttainment(decimal attainment, decimal tierPercent);
    public abstract string MePayNext(NextTier next, string needed);

    // /payroll
    public abstract string PayrollHeader(DateOnly month);
    public abstract string PayrollNoScheme(DateOnly month);
    public abstract string PayrollNoManagers();
    public abstract string PayrollRow(string name, string baseAmount, string revenue, string bonuses, string piece, string total);
    public abstract string PayrollTotal(string total);
    public abstract string PayrollBadMonth(string text);
    /// <summary>The XLSX column headers: manager, base, revenue %, bonuses, piece, total.</summary>
    public IReadOnlyList<string> PayrollColumns => PayrollColumnNames;

    protected abstract IReadOnlyList<string> PayrollColumnNames { get; }
    public abstract string PayrollCaption(DateOnly month);
}
