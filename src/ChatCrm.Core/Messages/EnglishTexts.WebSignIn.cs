using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string WebLink(string link, DateTime expiresLocal) =>
        $"📊 Sign-in link to the board in a browser:\n{Escape(link)}\n\nWorks once, until {Time(expiresLocal)}. Do not forward it: whoever opens it is signed in as you.";

    public override string WebNoUrl() =>
        "📊 The board has no public address yet. The admin sets Telegram:WebAppUrl (for example https://crm.example.com/app) or Telegram:WebhookUrl and restarts the bot.";

    public override string WebSignedIn() => "Signed in. Opening the board…";
    public override string WebOpenBoard() => "Open the board";
    public override string WebLinkInvalid() => "This sign-in link no longer works: it was used already or it expired. Send /web to the bot for a new one.";
    public override string WebLinkNoCode() => "This address has no sign-in code. Send /web to the bot and open the link it sends.";
    public override string WebMenuButton => "📊 Board";
    public override string WebSignedOut() => "You are signed out of the board. To come back, send /web to the bot.";

    protected override void AddWebDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["web"] = new("sign-in link to the board in a browser", "/web — a one-time, short-lived link that signs this browser in", "/web");
    }
}
