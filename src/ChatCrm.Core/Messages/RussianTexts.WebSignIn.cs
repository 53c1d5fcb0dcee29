using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string WebLink(string link, DateTime expiresLocal) =>
        $"📊 Ссылка для входа в доску в браузере:\n{Escape(link)}\n\nОдноразовая, действует до {Time(expiresLocal)}. Не пересылайте её: кто откроет, войдёт под вашим именем.";

    public override string WebNoUrl() =>
        "📊 У доски ещё нет публичного адреса. Администратор задаёт Telegram:WebAppUrl (например, https://crm.example.com/app) или Telegram:WebhookUrl и перезапускает бота.";

    public override string WebSignedIn() => "Вход выполнен. Открываю доску…";
    public override string WebOpenBoard() => "Открыть доску";
    public override string WebLinkInvalid() => "Эта ссылка для входа больше не действует: ею уже воспользовались или её срок истёк. Отправьте боту /web, чтобы получить новую.";
    public override string WebLinkNoCode() => "В адресе нет кода для входа. Отправьте боту /web и откройте ссылку из ответа.";
    public override string WebMenuButton => "📊 Доска";
    public override string WebSignedOut() => "Вы вышли из доски. Чтобы вернуться, отправьте боту /web.";

    protected override void AddWebDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["web"] = new("ссылка для входа в доску в браузере", "/web — одноразовая ссылка на несколько минут, которая впускает этот браузер", "/web");
    }
}
