using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string ManagersReportTitle(string period) => $"👥 Менеджеры — {Escape(period)}";
    public override string ActivityReportTitle(string period) => $"📞 Активность — {Escape(period)}";
    public override string ObligationsReportTitle(string period) => $"💳 Обязательства — {Escape(period)}";
    public override string ProductsReportTitle(string period) => $"📦 Продукты — {Escape(period)}";

    public override string ReportColManager => "Менеджер";
    public override string ReportColClientsInWork => "Клиентов в работе";
    public override string ReportColTouches => "Касаний";
    public override string ReportColNorm => "Норма";
    public override string ReportColNormShare => "% нормы";
    public override string ReportColWorkType => "Вид работы";
    public override string ReportColNewDeals => "Новых сделок";
    public override string ReportColWon => "Выиграно";
    public override string ReportColLost => "Проиграно";
    public override string ReportColWinRate => "Конверсия, %";
    public override string ReportColAvgDays => "Средний срок, дн.";
    public override string ReportColWeighted => "Взвешенный прогноз";
    public override string ReportColTarget => "План";
    public override string ReportColPaid => "Оплачено";
    public override string ReportColDay => "День";
    public override string ReportColWeek => "Неделя";
    public override string ReportColTotal => "Всего";
    public override string ReportColAge => "Просрочка";
    public override string ReportColOwed => "Долг";
    public override string ReportColPayments => "Платежей";
    public override string ReportColExpected => "Ожидалось";
    public override string ReportColReceived => "Получено";
    public override string ReportColOverdue => "Просрочено";
    public override string ReportColShipments => "Отгрузок";

    public override string ReportColLateShipments => "Просрочено отгрузок";
    public override string ReportColProduct => "Продукт";
    public override string ReportColMonth => "Месяц";
    public override string ReportColDeals => "Сделок";
    public override string ReportColQuantity => "Количество";
    public override string ReportColAmount => "Сумма";
    public override string ReportColChange => "Изменение";
    public override string ReportColChangePercent => "Изменение, %";

    public override string ReportTableManagers => "Менеджеры";
    public override string ReportTableTouches => "Касания по видам работ";
    public override string ReportTableActivity => "Активность";
    public override string ReportTableAgeing => "Дебиторка по срокам";
    public override string ReportTableObligationsByManager => "По менеджерам";
    public override string ReportTableProducts => "Продукты по месяцам";

    public override string AgeBucketName(AgeBucket bucket) => bucket switch
    {
        AgeBucket.NotYetDue => "срок не наступил",
        AgeBucket.UpTo30Days => "0–30 дней",
        AgeBucket.Days31To60 => "31–60 дней",
        AgeBucket.Days61To90 => "61–90 дней",
        _ => "больше 90 дней",
    };

    public override string NoProduct => "без продукта";

    public override string ManagersReportTotals(int clients, int touches, decimal? normShare, int newDeals, int won, int lost, decimal? winRate, string paid, string target, string weighted) =>
        $"Клиентов в работе: {clients}. Касаний: {touches}" +
        (normShare is { } n ? $", нормы выполнены на {n.ToString("0.#", Ru)}% (каждый вид работы — по своей норме)" : "") + ".\n" +
        $"Новых сделок: {newDeals}, выиграно: {won}, проиграно: {lost}" + (winRate is { } r ? $", конверсия {r.ToString("0.#", Ru)}%" : "") + ".\n" +
        $"Оплачено: {Escape(paid)}, план: {Escape(target)}, взвешенный прогноз: {Escape(weighted)}.";

    public override string ActivityReportTotals(int touches, int managers, bool weekly) =>
        $"Выполнено касаний: {touches}, менеджеров: {managers}. Разбивка по {(weekly ? "неделям" : "дням")}.";

    public override string ObligationsOwed(string owed, string overdue, int payments) =>
        $"Дебиторка: {Escape(owed)}, из них просрочено {Escape(overdue)} (платежей с долгом: {payments}).";

    public override string ObligationsPeriod(string expected, string received) => $"За период ожидалось {Escape(expected)}, получено {Escape(received)}.";

    public override string ObligationsShipments(int expected, int done, int late) =>
        $"Отгрузки за период: ожидалось {expected}, сделано {done}; просрочено сейчас: {late}.";

    public override string ProductsReportLine(string product, int deals, string amount, string? change) =>
        $"• {Escape(product)}: {Deals(deals)}, {Escape(amount)}" + (change is null ? "" : $" (к прошлому месяцу {Escape(change)})");

    public override string ProductsReportTotals(int deals, string amount) => $"Выиграно: {Deals(deals)} на {Escape(amount)}.";

    public override string ReportNothing => "За этот период данных нет.";
}
