namespace ChatCrm.Core.Messages;

public abstract partial class Texts
{
    // The board in a browser: /web and the sign-in pages. The page texts are plain (no markup): the pages escape them.

    /// <summary>/web: the one-time sign-in link and until when (the user's local time) it works.</summary>
    public abstract string WebLink(string link, DateTime expiresLocal);

    /// <summary>/web when the board has no public address: which setting the admin sets.</summary>
    public abstract string WebNoUrl();

    /// <summary>The page's title while the board opens after a sign-in.</summary>
    public abstract string WebSignedIn();

    /// <summary>The link on that page, for a browser that does not move on by itself.</summary>
    public abstract string WebOpenBoard();

    /// <summary>A /web link opened a second time, too late, or never issued.</summary>
    public abstract string WebLinkInvalid();

    /// <summary>A sign-in address without its code.</summary>
    public abstract string WebLinkNoCode();

    public abstract string WebSignedOut();

    /// <summary>The chat's menu button that opens the board in Telegram (plain text, a few characters).</summary>
    public abstract string WebMenuButton { get; }

    /// <summary>/web.</summary>
    protected abstract void AddWebDocs(IDictionary<string, CommandDoc> docs);
}
