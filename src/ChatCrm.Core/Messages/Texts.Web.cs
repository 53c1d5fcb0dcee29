namespace ChatCrm.Core.Messages;

// The board (a Telegram Mini App and a browser page): plain text, the page escapes it. Issue 13.
public abstract partial class Texts
{
    public abstract string WebBoardTab { get; }
    public abstract string WebReportsTab { get; }
    public abstract string WebTeamTab { get; }
    public abstract string WebClientsTab { get; }
    public abstract string WebAllManagers { get; }
    public abstract string WebAllSegments { get; }
    public abstract string WebCycleLabel { get; }
    public abstract string WebManagerLabel { get; }
    public abstract string WebSegmentLabel { get; }
    public abstract string WebWonZone { get; }
    public abstract string WebLostZone { get; }
    public abstract string WebMoreCards(int count);
    public abstract string WebDealCount(int count);
    public abstract string WebDaysInStage(int days);
    public abstract string WebRotting(int allowed);
    public abstract string WebNextContact(DateTime local);
    public abstract string WebNoNextContact { get; }
    public abstract string WebNoCycles { get; }
    public abstract string WebMoveTo { get; }
    public abstract string WebLogout { get; }

    /// <summary>The board's typed answer came with no question waiting (it timed out, or was answered in the chat).</summary>
    public abstract string WebNoQuestion();

    public abstract string WebReportLabel { get; }
    public abstract string WebPeriodLabel { get; }
    public abstract string WebAllCycles { get; }

    public abstract string WebTeamManager { get; }
    public abstract string WebTeamTouches { get; }
    public abstract string WebTeamNormsToday { get; }
    public abstract string WebTeamNormsWeek { get; }
    public abstract string WebTeamOverdue { get; }
    public abstract string WebTeamForgotten { get; }
    public abstract string WebTeamPipeline { get; }
    public abstract string WebTeamWonLost { get; }
    public abstract string WebTeamMonth { get; }

    public abstract string WebClientSearch { get; }
    public abstract string WebFind { get; }
}
