using System.Globalization;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string WebBoardTab => "Воронка";
    public override string WebReportsTab => "Отчёты";
    public override string WebTeamTab => "Команда";
    public override string WebClientsTab => "Клиенты";
    public override string WebAllManagers => "Все менеджеры";
    public override string WebAllSegments => "Все сегменты";
    public override string WebCycleLabel => "Цикл";
    public override string WebManagerLabel => "Менеджер";
    public override string WebSegmentLabel => "Сегмент";
    public override string WebWonZone => "✅ Выиграна";
    public override string WebLostZone => "❌ Проиграна";
    public override string WebMoreCards(int count) => $"Ещё {count}";
    public override string WebDealCount(int count) => Plural.Ru(count, "сделка", "сделки", "сделок");
    public override string WebDaysInStage(int days) => $"{days} дн. на этапе";
    public override string WebRotting(int allowed) => $"Дольше нормы этапа ({allowed} дн.)";
    public override string WebNextContact(DateTime local) => "Дальше: " + local.ToString("d MMM, HH:mm", CultureInfo.GetCultureInfo("ru-RU"));
    public override string WebNoNextContact => "Следующий шаг не запланирован";
    public override string WebNoCycles => "Циклов продаж нет: админ создаёт их командой /pipeline.";
    public override string WebMoveTo => "Перенести на этап";
    public override string WebLogout => "Выйти";
    public override string WebNoQuestion() => "Бот сейчас ничего не спрашивал: вопрос устарел или уже отвечен в чате. Ничего не изменено.";

    public override string WebReportLabel => "Отчёт";
    public override string WebPeriodLabel => "Период";
    public override string WebAllCycles => "Все циклы";

    public override string WebTeamManager => "Менеджер";
    public override string WebTeamTouches => "Касания сегодня: сделано / план";
    public override string WebTeamNormsToday => "Нормы дня";
    public override string WebTeamNormsWeek => "Нормы недели";
    public override string WebTeamOverdue => "Просрочено";
    public override string WebTeamForgotten => "Забыто";
    public override string WebTeamPipeline => "Открытые сделки";
    public override string WebTeamWonLost => "Сегодня: выиграно / проиграно";
    public override string WebTeamMonth => "Выиграно за месяц / план";

    public override string WebClientSearch => "Имя, телефон или e-mail клиента";
    public override string WebFind => "Найти";
}
