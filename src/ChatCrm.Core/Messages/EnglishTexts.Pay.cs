using System.Globalization;
using ChatCrm.Core.Domain.Pay;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    private string Pct(decimal percent) => $"{percent.ToString("0.##", Culture)}%";

    private string Month(DateOnly month) => MonthName(month.ToDateTime(TimeOnly.MinValue));

    private string TierBounds(decimal from, decimal? to) =>
        to is { } t ? $"{from.ToString("0.##", Culture)}–{t.ToString("0.##", Culture)}%" : $"{from.ToString("0.##", Culture)}% and above";

    public override string PayNoScheme() =>
        "💼 No pay scheme yet, so there is no pay to compute.\n" + PayHowToChange();

    public override string PayHeader(DateOnly effectiveFrom) => $"💼 <b>Pay scheme</b> — in force from {Escape(Month(effectiveFrom))}";

    public override string PayBase(string money) => $"• Base: {Bold(money)}";

    public override string PayPercent(decimal percent, bool replacedByTiers) =>
        replacedByTiers ? $"• % of paid revenue: by plan tiers (without tiers it would be {Pct(percent)})" : $"• % of paid revenue: {Bold(Pct(percent))}";

    public override string PayProductPercent(string product, decimal percent) => $"  ◦ product “{Escape(product)}”: {Pct(percent)}";

    public override string PaySegmentPercent(string segment, decimal percent) => $"  ◦ segment #{Escape(segment)}: {Pct(percent)}";

    public override string PayWonBonus(string money) => $"• Bonus per won deal: {Bold(money)}";

    public override string PayPieceRate(string workType, string money) => $"• {Escape(workType)}: {Bold(money)} each";

    public override string PayTiersHeader => "• Tiers by plan attainment:";

    public override string PayTier(decimal from, decimal? to, decimal percent) => $"  ◦ {TierBounds(from, to)} of the plan → {Pct(percent)}";

    public override string PayLaterVersion(DateOnly effectiveFrom) => $"ℹ️ Another version is already set from {Escape(Month(effectiveFrom))}.";

    public override string PayHowToChange() =>
        "Change: /pay base 30000 · /pay percent 5 · /pay product Machines 7 · /pay segment #wholesale 3 · /pay bonus 2000 · " +
        "/pay piece meeting 300 · /pay tiers 0-80:3 80-100:5 100+:7 · end with “from 01.2027” for a later month. " +
        "0 or “off” removes a rate. Closed months are never recomputed.";

    public override string PaySaved(DateOnly effectiveFrom) =>
        $"✅ Pay scheme saved, in force from {Escape(Month(effectiveFrom))} (the whole month).";

    public override string PayNotSaved() => "Nothing was saved.";

    public override string PayProblemText(PayProblem problem, string? name)
    {
        var what = problem.Rule switch
        {
            PayRuleKind.BaseAmount => "Base",
            PayRuleKind.RevenuePercent => "% of paid revenue",
            PayRuleKind.ProductPercent => $"% for product “{Escape(name ?? "?")}”",
            PayRuleKind.SegmentPercent => $"% for segment #{Escape(name ?? "?")}",
            PayRuleKind.WonDealBonus => "Bonus per deal",
            PayRuleKind.PieceRate => $"Piece rate “{Escape(name ?? "?")}”",
            PayRuleKind.Tiers => "Tiers",
            _ => "Month",
        };
        var value = Escape(problem.Detail ?? "");
        return problem.Error switch
        {
            PayError.NegativeAmount => $"⚠️ {what}: an amount cannot be negative ({value}).",
            PayError.AmountTooLarge => $"⚠️ {what}: the amount is too large ({value}).",
            PayError.NegativeRate => $"⚠️ {what}: a percentage cannot be negative ({value}).",
            PayError.RateAbove100 => $"⚠️ {what}: a percentage cannot be above 100 ({value}).",
            PayError.TooPrecise => $"⚠️ {what}: at most two decimals ({value}).",
            PayError.TiersNotFromZero => $"⚠️ Tiers must start at 0%, the first starts at {value}%.",
            PayError.TierGap => $"⚠️ The tiers have a gap: {value}% falls in none of them.",
            PayError.TierOverlap => $"⚠️ The tiers overlap: {value}% falls in two of them.",
            PayError.TierEmpty => $"⚠️ The tier {value} is empty: its end must be above its start.",
            PayError.TiersNotOpenEnded => $"⚠️ The top tier must have no upper bound (“{value}+”).",
            PayError.MonthClosed => $"⚠️ {value} is closed: its pay is never recomputed. A scheme may apply from the current month or later.",
            _ => $"⚠️ {what}: {value}",
        };
    }

    public override string PayUnknownSetting(string word) =>
        $"I don't know what to change: “{Escape(word)}”.\n" + PayHowToChange();

    public override string PayBadNumber(string text) => $"⚠️ “{Escape(text)}” is not a number. For example: 5 or 2.5.";

    public override string PayBadTiers(string text) =>
        $"⚠️ I can't read the tier “{Escape(text)}”. Write them like this: 0-80:3 80-100:5 100+:7 (from–to % of plan : % of paid revenue).";

    public override string PayProductNotFound(string name) => $"⚠️ There is no product “{Escape(name)}” in the catalogue (/products).";

    public override string PayWorkTypeNotFound(string name) => $"⚠️ There is no work type “{Escape(name)}” (/worktypes).";

    public override string PayAskValue(string setting) => setting switch
    {
        "base" => "What base amount? For example: 30000",
        "percent" => "What % of paid revenue? For example: 5",
        "bonus" => "What bonus per won deal? For example: 2000",
        "product" => "Product and %: for example, Machines 7",
        "segment" => "Segment and %: for example, #wholesale 3",
        "piece" => "Work type and rate: for example, meeting 300",
        "tiers" => "Tiers: for example, 0-80:3 80-100:5 100+:7 (or “off”)",
        _ => "The new value?",
    };

    public override string PayButton(string setting) => setting switch
    {
        "base" => "Base",
        "percent" => "% of paid",
        "bonus" => "Bonus",
        "product" => "% by product",
        "segment" => "% by segment",
        "piece" => "Piece rate",
        "tiers" => "Tiers",
        _ => "Change",
    };

    public override string PayslipLine(PayLine line, string? name, string currency) => line.Kind switch
    {
        PayLineKind.Base => $"• Base: {Money(line.Amount, currency)}",
        PayLineKind.Revenue => $"• {Pct(line.Rate)} of {Money(line.Basis, currency)} paid = {Money(line.Amount, currency)}",
        PayLineKind.ProductRevenue => $"• “{Escape(name ?? "?")}”: {Pct(line.Rate)} of {Money(line.Basis, currency)} = {Money(line.Amount, currency)}",
        PayLineKind.SegmentRevenue => $"• #{Escape(name ?? "?")}: {Pct(line.Rate)} of {Money(line.Basis, currency)} = {Money(line.Amount, currency)}",
        PayLineKind.WonDeals => $"• Won deals: {line.Basis.ToString("0", CultureInfo.InvariantCulture)} × {Money(line.Rate, currency)} = {Money(line.Amount, currency)}",
        _ => $"• {Escape(name ?? "?")}: {line.Basis.ToString("0", CultureInfo.InvariantCulture)} × {Money(line.Rate, currency)} = {Money(line.Amount, currency)}",
    };

    public override string MePayHeader(string total) => $"💵 Earned this month: {Bold(total)}";

    public override string MePayAttainment(decimal attainment, decimal tierPercent) =>
        $"📈 Plan attained: {attainment.ToString("0.##", Culture)}% — rate {Pct(tierPercent)}";

    public override string MePayNext(NextTier next, string needed) =>
        $"⏭ To reach {Pct(next.Tier.Percent)} (from {next.Tier.From.ToString("0.##", Culture)}% of plan): {Bold(needed)} more paid";

    public override string PayrollHeader(DateOnly month) => $"💵 <b>Payroll for {Escape(Month(month))}</b>\nbase + % of paid + bonuses + piece = total";

    public override string PayrollNoScheme(DateOnly month) =>
        $"💵 No pay scheme was in force in {Escape(Month(month))}, so there is nothing to compute. Set one: /pay";

    public override string PayrollNoManagers() => "💵 The team has no managers.";

    public override string PayrollRow(string name, string baseAmount, string revenue, string bonuses, string piece, string total) =>
        $"{Bold(name)}: {Escape(baseAmount)} + {Escape(revenue)} + {Escape(bonuses)} + {Escape(piece)} = {Bold(total)}";

    public override string PayrollTotal(string total) => $"Total: {Bold(total)}";

    public override string PayrollBadMonth(string text) =>
        $"⚠️ I can't read the month “{Escape(text)}”. For example: /payroll november, /payroll 11.2026, /payroll last month";

    protected override IReadOnlyList<string> PayrollColumnNames => ["Manager", "Base", "% of paid", "Bonuses", "Piece", "Total"];

    public override string PayrollCaption(DateOnly month) => $"Payroll for {Escape(Month(month))}";

    protected override void AddPayDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["pay"] = new("the managers' pay scheme",
            "/pay [base|percent|product|segment|bonus|piece|tiers …] [from &lt;month&gt;]", "/pay tiers 0-80:3 80-100:5 100+:7");
        docs["payroll"] = new("the managers' pay for a month + XLSX", "/payroll [month: november, 11.2026, last month]", "/payroll last month");
    }
}
