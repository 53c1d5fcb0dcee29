using System.Globalization;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string WebBoardTab => "Pipeline";
    public override string WebReportsTab => "Reports";
    public override string WebTeamTab => "Team";
    public override string WebClientsTab => "Clients";
    public override string WebAllManagers => "All managers";
    public override string WebAllSegments => "All segments";
    public override string WebCycleLabel => "Cycle";
    public override string WebManagerLabel => "Manager";
    public override string WebSegmentLabel => "Segment";
    public override string WebWonZone => "✅ Won";
    public override string WebLostZone => "❌ Lost";
    public override string WebMoreCards(int count) => $"{count} more";
    public override string WebDealCount(int count) => Plural.En(count, "deal", "deals");
    public override string WebDaysInStage(int days) => Plural.En(days, "day", "days") + " in stage";
    public override string WebRotting(int allowed) => $"Over the stage's limit ({allowed} d)";
    public override string WebNextContact(DateTime local) => "Next: " + local.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture);
    public override string WebNoNextContact => "No next step planned";
    public override string WebNoCycles => "There are no sales cycles: an admin creates them with /pipeline.";
    public override string WebMoveTo => "Move to stage";
    public override string WebLogout => "Sign out";
    public override string WebNoQuestion() => "The bot is not asking anything now: the question expired or was answered in the chat. Nothing was changed.";

    public override string WebReportLabel => "Report";
    public override string WebPeriodLabel => "Period";
    public override string WebAllCycles => "All cycles";

    public override string WebTeamManager => "Manager";
    public override string WebTeamTouches => "Touches today: done / planned";
    public override string WebTeamNormsToday => "Today's norms";
    public override string WebTeamNormsWeek => "This week's norms";
    public override string WebTeamOverdue => "Overdue";
    public override string WebTeamForgotten => "Forgotten";
    public override string WebTeamPipeline => "Open deals";
    public override string WebTeamWonLost => "Today: won / lost";
    public override string WebTeamMonth => "Won this month / target";

    public override string WebClientSearch => "Client's name, phone or e-mail";
    public override string WebFind => "Find";
}
