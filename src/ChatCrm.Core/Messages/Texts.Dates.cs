namespace ChatCrm.Core.Messages;

/// <summary>Dates read from a touch or a plan (issue 9): a plan a touch closed, «12/10» asked, a day left in a note.</summary>
public abstract partial class Texts
{
    /// <summary>A logged touch completed the contact planned for <paramref name="when"/>.</summary>
    public abstract string PlanClosed(string when);

    /// <summary>«12/10» could be either order: the two readings follow as buttons.</summary>
    public abstract string WhichDate(string written);

    /// <summary>The note still names a day that was not used; a button offers to plan it.</summary>
    public abstract string DayInNote(string text);

    /// <summary>A button label; escaped like every text, which changes nothing in a date in words.</summary>
    public abstract string PlanOnButton(string when);
}
