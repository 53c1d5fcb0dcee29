namespace ChatCrm.Core.Messages;

/// <summary>A message typed without a command, read as actions and proposed with ✅ / ✏️ buttons.</summary>
public abstract partial class Texts
{
    /// <summary>Above the actions read: what the bot understood, and that nothing is done yet.</summary>
    public abstract string FreeTextHeading { get; }

    /// <summary>A touch to log: «📞 Звонок: Ромашка — обсудили цену» (an empty note is left out).</summary>
    public abstract string FreeTextTouchLine(string workType, string client, string note);

    /// <summary>A contact to plan; an empty <paramref name="when"/>: the command will ask when.</summary>
    public abstract string FreeTextPlanLine(string workType, string client, string when);

    public abstract string FreeTextDoButton { get; }
    public abstract string FreeTextEditButton { get; }

    /// <summary>Above the equivalent commands (✏️): copy one, correct it, send it; or run one by its button.</summary>
    public abstract string FreeTextEditHint { get; }

    /// <summary>A proposal accepted (✅): what is being done; each command's own reply follows.</summary>
    public abstract string FreeTextDoing { get; }

    /// <summary>Actions read but no client named (or two): the commands to write, with the client left to fill in.</summary>
    public abstract string FreeTextNoClient { get; }

    /// <summary>Where the client goes in a command the user is to complete.</summary>
    public abstract string FreeTextClientPlaceholder { get; }
}
