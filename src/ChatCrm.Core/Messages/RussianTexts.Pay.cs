using System.Globalization;
using ChatCrm.Core.Domain.Pay;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    private string Pct(decimal percent) => $"{percent.ToString("0.##", Culture)} %";

    private string Month(DateOnly month) => MonthName(month.ToDateTime(TimeOnly.MinValue));

    /// <summary>«ноября 2026», for «с ноября 2026».</summary>
    private string MonthFrom(DateOnly month) =>
        $"{Culture.DateTimeFormat.MonthGenitiveNames[month.Month - 1]} {month.Year.ToString(CultureInfo.InvariantCulture)}";

    private string TierBounds(decimal from, decimal? to) =>
        to is { } t ? $"{from.ToString("0.##", Culture)}–{t.ToString("0.##", Culture)} %" : $"от {from.ToString("0.##", Culture)} %";

    public override string PayNoScheme() =>
        "💼 Схема оплаты ещё не задана: зарплату не из чего считать.\n" + PayHowToChange();

    public override string PayHeader(DateOnly effectiveFrom) => $"💼 <b>Схема оплаты</b> — действует с {Escape(MonthFrom(effectiveFrom))}";

    public override string PayBase(string money) => $"• Оклад: {Bold(money)}";

    public override string PayPercent(decimal percent, bool replacedByTiers) =>
        replacedByTiers ? $"• % с оплат: по ступеням плана (без ступеней было бы {Pct(percent)})" : $"• % с оплат: {Bold(Pct(percent))}";

    public override string PayProductPercent(string product, decimal percent) => $"  ◦ товар «{Escape(product)}»: {Pct(percent)}";

    public override string PaySegmentPercent(string segment, decimal percent) => $"  ◦ сегмент #{Escape(segment)}: {Pct(percent)}";

    public override string PayWonBonus(string money) => $"• Бонус за выигранную сделку: {Bold(money)}";

    public override string PayPieceRate(string workType, string money) => $"• {Escape(workType)}: {Bold(money)} за каждую";

    public override string PayTiersHeader => "• Ступени по выполнению плана:";

    public override string PayTier(decimal from, decimal? to, decimal percent) => $"  ◦ {TierBounds(from, to)} плана → {Pct(percent)}";

    public override string PayLaterVersion(DateOnly effectiveFrom) => $"ℹ️ С {Escape(MonthFrom(effectiveFrom))} уже задана другая версия.";

    public override string PayHowToChange() =>
        "Изменить: /pay оклад 30000 · /pay процент 5 · /pay товар Станки 7 · /pay сегмент #опт 3 · /pay бонус 2000 · " +
        "/pay сдельно встреча 300 · /pay ступени 0-80:3 80-100:5 100+:7 · в конце можно «с 01.2027». " +
        "0 или «нет» снимает ставку. Закрытые месяцы не пересчитываются.";

    public override string PaySaved(DateOnly effectiveFrom) =>
        $"✅ Схема оплаты сохранена, действует с {Escape(MonthFrom(effectiveFrom))} (на весь месяц).";

    public override string PayNotSaved() => "Ничего не сохранено.";

    public override string PayProblemText(PayProblem problem, string? name)
    {
        var what = problem.Rule switch
        {
            PayRuleKind.BaseAmount => "оклад",
            PayRuleKind.RevenuePercent => "% с оплат",
            PayRuleKind.ProductPercent => $"% для товара «{Escape(name ?? "?")}»",
            PayRuleKind.SegmentPercent => $"% для сегмента #{Escape(name ?? "?")}",
            PayRuleKind.WonDealBonus => "бонус за сделку",
            PayRuleKind.PieceRate => $"сдельная ставка «{Escape(name ?? "?")}»",
            PayRuleKind.Tiers => "ступени",
            _ => "месяц",
        };
        var value = Escape(problem.Detail ?? "");
        return problem.Error switch
        {
            PayError.NegativeAmount => $"⚠️ {what}: сумма не может быть отрицательной ({value}).",
            PayError.AmountTooLarge => $"⚠️ {what}: слишком большая сумма ({value}).",
            PayError.NegativeRate => $"⚠️ {what}: процент не может быть отрицательным ({value}).",
            PayError.RateAbove100 => $"⚠️ {what}: процент не может быть больше 100 ({value}).",
            PayError.TooPrecise => $"⚠️ {what}: не больше двух знаков после запятой ({value}).",
            PayError.TiersNotFromZero => $"⚠️ Ступени должны начинаться с 0 %, а первая начинается с {value} %.",
            PayError.TierGap => $"⚠️ В ступенях пропуск: {value} % не попадает ни в одну.",
            PayError.TierOverlap => $"⚠️ Ступени пересекаются: {value} % попадает в две.",
            PayError.TierEmpty => $"⚠️ Пустая ступень {value}: конец должен быть больше начала.",
            PayError.TiersNotOpenEnded => $"⚠️ Последняя ступень должна быть без верхней границы («{value}+»).",
            PayError.MonthClosed => $"⚠️ Месяц {value} уже закрыт: его зарплата не пересчитывается. Схема может действовать с текущего месяца или позже.",
            _ => $"⚠️ {what}: {value}",
        };
    }

    public override string PayUnknownSetting(string word) =>
        $"Не понял, что изменить: «{Escape(word)}».\n" + PayHowToChange();

    public override string PayBadNumber(string text) => $"⚠️ «{Escape(text)}» — не число. Например: 5 или 2,5.";

    public override string PayBadTiers(string text) =>
        $"⚠️ Не понял ступень «{Escape(text)}». Пишите так: 0-80:3 80-100:5 100+:7 (от–до % плана : % с оплат).";

    public override string PayProductNotFound(string name) => $"⚠️ Товара «{Escape(name)}» нет в каталоге (/products).";

    public override string PayWorkTypeNotFound(string name) => $"⚠️ Вида работы «{Escape(name)}» нет (/worktypes).";

    public override string PayAskValue(string setting) => setting switch
    {
        "base" => "Какой оклад? Например: 30000",
        "percent" => "Какой % с оплат? Например: 5",
        "bonus" => "Какой бонус за выигранную сделку? Например: 2000",
        "product" => "Товар и %: например, Станки 7",
        "segment" => "Сегмент и %: например, #опт 3",
        "piece" => "Вид работы и ставка: например, встреча 300",
        "tiers" => "Ступени: например, 0-80:3 80-100:5 100+:7 (или «нет»)",
        _ => "Новое значение?",
    };

    public override string PayButton(string setting) => setting switch
    {
        "base" => "Оклад",
        "percent" => "% с оплат",
        "bonus" => "Бонус",
        "product" => "% по товару",
        "segment" => "% по сегменту",
        "piece" => "Сдельно",
        "tiers" => "Ступени",
        _ => "Изменить",
    };

    public override string PayslipLine(PayLine line, string? name, string currency) => line.Kind switch
    {
        PayLineKind.Base => $"• Оклад: {Money(line.Amount, currency)}",
        PayLineKind.Revenue => $"• {Pct(line.Rate)} с оплат {Money(line.Basis, currency)} = {Money(line.Amount, currency)}",
        PayLineKind.ProductRevenue => $"• «{Escape(name ?? "?")}»: {Pct(line.Rate)} с {Money(line.Basis, currency)} = {Money(line.Amount, currency)}",
        PayLineKind.SegmentRevenue => $"• #{Escape(name ?? "?")}: {Pct(line.Rate)} с {Money(line.Basis, currency)} = {Money(line.Amount, currency)}",
        PayLineKind.WonDeals => $"• Выигранные сделки: {line.Basis.ToString("0", Culture)} × {Money(line.Rate, currency)} = {Money(line.Amount, currency)}",
        _ => $"• {Escape(name ?? "?")}: {line.Basis.ToString("0", Culture)} × {Money(line.Rate, currency)} = {Money(line.Amount, currency)}",
    };

    public override string MePayHeader(string total) => $"💵 Заработано за месяц: {Bold(total)}";

    public override string MePayAttainment(decimal attainment, decimal tierPercent) =>
        $"📈 План выполнен на {attainment.ToString("0.##", Culture)} % — ставка {Pct(tierPercent)}";

    public override string MePayNext(NextTier next, string needed) =>
        $"⏭ До ставки {Pct(next.Tier.Percent)} (от {next.Tier.From.ToString("0.##", Culture)} % плана): ещё {Bold(needed)} оплат";

    public override string PayrollHeader(DateOnly month) => $"💵 <b>Зарплата за {Escape(Month(month))}</b>\nоклад · % с оплат · бонусы · сдельно = итого";

    public override string PayrollNoScheme(DateOnly month) =>
        $"💵 На {Escape(Month(month))} схема оплаты не действовала — считать нечего. Задать: /pay";

    public override string PayrollNoManagers() => "💵 В команде нет менеджеров.";

    public override string PayrollRow(string name, string baseAmount, string revenue, string bonuses, string piece, string total) =>
        $"{Bold(name)}: {Escape(baseAmount)} · {Escape(revenue)} · {Escape(bonuses)} · {Escape(piece)} = {Bold(total)}";

    public override string PayrollTotal(string total) => $"Итого: {Bold(total)}";

    public override string PayrollBadMonth(string text) =>
        $"⚠️ Не понял месяц «{Escape(text)}». Например: /payroll ноябрь, /payroll 11.2026, /payroll прошлый месяц";

    protected override IReadOnlyList<string> PayrollColumnNames => ["Менеджер", "Оклад", "% с оплат", "Бонусы", "Сдельно", "Итого"];

    public override string PayrollCaption(DateOnly month) => $"Зарплата за {Escape(Month(month))}";

    protected override void AddPayDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["pay"] = new("схема оплаты менеджеров",
            "/pay [оклад|процент|товар|сегмент|бонус|сдельно|ступени …] [с &lt;месяц&gt;]", "/pay ступени 0-80:3 80-100:5 100+:7");
        docs["payroll"] = new("зарплата менеджеров за месяц + XLSX", "/payroll [месяц: ноябрь, 11.2026, прошлый месяц]", "/payroll прошлый месяц");
    }
}
