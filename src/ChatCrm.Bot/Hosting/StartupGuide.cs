using ChatCrm.Bot.Transport;

namespace ChatCrm.Bot.Hosting;

/// <summary>What a newcomer sees when they run the bot with no token: how to get one, and how to try it without.</summary>
internal static class StartupGuide
{
    public static bool NoToken(IConfiguration config) =>
        string.IsNullOrWhiteSpace(config[$"{TelegramOptions.Section}:{nameof(TelegramOptions.BotToken)}"]);

    public static void Print(TextWriter output) => output.WriteLine("""
        ChatCrm needs a Telegram bot token to talk to Telegram.

          1. In Telegram, open @BotFather and send /newbot; pick a name and a username ending in "bot".
          2. BotFather answers with a token like 123456789:AAE...; keep it secret.
          3. Run the bot with it (long polling, no public URL needed):
               Telegram__BotToken=<token> Crm__AdminTelegramIds__0=<your numeric Telegram id> dotnet run --project src/ChatCrm.Bot
             (@userinfobot tells you your numeric id; more admins go in Crm__AdminTelegramIds__1, __2, ….)

        No token yet? Try the same bot in this terminal, on the same database:
               dotnet run --project src/ChatCrm.Bot -- chat

        Every setting is described in appsettings.example.json and README.md.
        """);
}
