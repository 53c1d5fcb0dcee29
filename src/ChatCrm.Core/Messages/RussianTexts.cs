using System.Globalization;
using ChatCrm.Core.Domain.Users;
using Humanizer;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts : Texts
{
    private static readonly CultureInfo Ru = CultureInfo.GetCultureInfo("ru-RU");

    public override Language Language => Language.Ru;
    public override CultureInfo Culture => Ru;

    public override string RoleName(Role role) => role switch
    {
        Role.Manager => "менеджер",
        Role.Head => "руководитель",
        Role.Admin => "администратор",
        _ => role.ToString(),
    };

    public override string Yes => "Да";
    public override string No => "Нет";
    public override string CancelButton => "✖️ Отмена";
    public override string Next => "Дальше ›";
    public override string Previous => "‹ Назад";
    public override string Never => "никогда";

    public override string Welcome(string name, Role role) =>
        $"👋 Добро пожаловать, {Bold(name)}! Вы — {RoleName(role)}.\nНажмите /menu, чтобы начать, или /help — список команд.";

    public override string Hello(string name, Role role) =>
        $"👋 {Bold(name)}, вы в ChatCrm ({RoleName(role)}).\n/menu — основные действия, /help — все команды.";

    public override string Stranger() =>
        "🔒 Это закрытая CRM отдела продаж. Чтобы войти, попросите у руководителя ссылку-приглашение.";

    public override string InviteNotValid(InviteState state) => state switch
    {
        InviteState.Used => "🔒 Это приглашение уже использовано. Попросите у руководителя новое.",
        InviteState.Expired => "🔒 Срок этого приглашения истёк. Попросите у руководителя новое.",
        _ => "🔒 Такого приглашения нет. Проверьте ссылку или попросите новую.",
    };

    public override string AlreadyJoined(Role role) =>
        $"Вы уже в ChatCrm ({RoleName(role)}). Приглашение не понадобилось — оно осталось неиспользованным.";

    public override string PrivateChatOnly(string? botUsername) =>
        botUsername is null
            ? "Команды CRM работают в личном чате с ботом — напишите мне лично."
            : $"Команды CRM работают в личном чате с ботом — напишите мне: @{Escape(botUsername)}";

    public override string Deactivated() =>
        "⛔ Ваш доступ к ChatCrm отключён. Если это ошибка, обратитесь к администратору.";

    public override string HelpHeader(Role role) => $"📖 <b>Команды</b> ({RoleName(role)}):";
    public override string HelpFooter => "Подробнее о команде: /help &lt;команда&gt;, например /help tz";
    public override string ExampleLabel => "Пример";

    protected override void AddFoundationDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["start"] = new("начать работу", "/start [код приглашения]", "/start");
        docs["help"] = new("справка по командам", "/help [команда]", "/help tz");
        docs["menu"] = new("главное меню с кнопками", "/menu", "/menu");
        docs["lang"] = new("язык: русский или английский", "/lang ru|en", "/lang en");
        docs["tz"] = new("часовой пояс", "/tz &lt;пояс, город или смещение от UTC&gt;", "/tz Новосибирск");
        docs["quiet"] = new("тихие часы без напоминаний", "/quiet &lt;ЧЧ:ММ-ЧЧ:ММ&gt; | off", "/quiet 21:00-08:00");
        docs["cancel"] = new("выйти из текущего диалога", "/cancel", "/cancel");
        docs["undo"] = new("отменить своё последнее изменение (10 минут)", "/undo", "/undo");
        docs["invite"] = new("ссылка-приглашение для нового сотрудника", "/invite manager|head|admin", "/invite manager");
        docs["users"] = new("пользователи и их роли", "/users", "/users");
        docs["role"] = new("сменить роль пользователя", "/role &lt;пользователь&gt; manager|head|admin", "/role @ivan_sales head");
    }

    public override string UnknownCommand(string name) =>
        $"Не знаю команду /{Escape(name)}. Список команд — /help.";

    public override string NotAllowed(string command, Role required) =>
        $"⛔ Команда /{Escape(command)} доступна роли «{RoleName(required)}» и выше.";

    public override string NotAllowedButton(Role required) => $"⛔ Эта кнопка — для роли «{RoleName(required)}» и выше.";

    public override string MenuTitle(Role role) => $"Что делаем? ({RoleName(role)})";

    public override string NotUnderstood() =>
        "Я понимаю команды — например /help. Фото и стикеры пока не сохраняю.";

    public override string ConcurrentChange() =>
        "⚠️ Эту же запись в тот же момент изменил кто-то ещё — ваше действие не сохранено. Посмотрите, что теперь, и повторите.";

    public override string Apology() =>
        "😔 Что-то пошло не так, и действие не выполнено. Попробуйте ещё раз чуть позже — мы уже разбираемся.";

    public override string WorkingThrough() =>
        "⏳ Много сообщений подряд — выполняю их по очереди, ничего не потеряется. Ответы придут чуть позже.";

    public override string TooManyWaiting() =>
        "⛔ Ваших сообщений в очереди уже слишком много. Новые не приняты, пока я не выполню накопившиеся.";
    public override string StaleButton() => "Эта кнопка устарела.";

    public override string LanguageAsk() => "Выберите язык / Choose your language:";
    public override string LanguageSet() => "✅ Язык: русский.";

    public override string TimeZoneShow(string zoneId, string offset, DateTime localNow) =>
        $"🕒 Ваш часовой пояс: {Bold(zoneId)} ({Escape(offset)}), сейчас {Time(localNow)}.\nЧтобы сменить: /tz Москва, /tz Europe/Berlin или /tz +5.";

    public override string TimeZoneSet(string zoneId, string offset, DateTime localNow) =>
        $"✅ Часовой пояс: {Bold(zoneId)} ({Escape(offset)}), у вас сейчас {Time(localNow)}.";

    public override string TimeZoneUnknown(string input) =>
        $"Не нашёл часовой пояс «{Escape(input)}». Напишите город (Москва, Berlin), пояс (Europe/Moscow) или смещение (+3).";

    public override string QuietShow(QuietHours? quiet) =>
        quiet is null
            ? "🔔 Тихие часы не заданы. Пример: /quiet 21:00-08:00"
            : $"🔕 Тихие часы: {quiet} — в это время бот не пишет первым. Отключить: /quiet off";

    public override string QuietSet(QuietHours quiet) =>
        $"🔕 Тихие часы: {quiet}. Напоминания в это время придут после их окончания.";

    public override string QuietOff() => "🔔 Тихие часы отключены.";

    public override string QuietInvalid(string input) =>
        $"Не понял «{Escape(input)}». Укажите интервал как 21:00-08:00 или off.";

    public override string Cancelled() => "Отменено.";
    public override string NothingToUndo() => "Отменять нечего: за последние 10 минут вы ничего не меняли.";
    public override string UndoTooLate(string description) =>
        $"Прошло больше 10 минут — «{Escape(description)}» уже не отменить. Исправьте вручную.";
    public override string Undone(string description) => $"↩️ Отменено: {Escape(description)}";

    public override string CannotUndo(string description) =>
        $"Последнее изменение — «{Escape(description)}» — через /undo не отменить: исправьте его вручную. Более ранние изменения остаются как есть.";

    protected override IReadOnlyDictionary<string, string> ChangeNames { get; } = new Dictionary<string, string>
    {
        ["client.created"] = "клиент создан", ["client.assigned"] = "клиент назначен", ["client.handover"] = "клиент передан",
        ["client.snoozed"] = "клиент отложен", ["client.removed"] = "клиент удалён", ["clients.distributed"] = "клиенты распределены",
        ["client.taken"] = "клиент взят из пула",
        ["client.edited"] = "карточка клиента изменена",
        ["person.added"] = "добавлено контактное лицо",
        ["person.edited"] = "контактное лицо изменено",
        ["person.removed"] = "контактное лицо удалено",
        ["clients.merged"] = "клиенты объединены",
        ["client.edited.undo"] = "изменение карточки отменено",
        ["person.added.undo"] = "добавление контактного лица отменено",
        ["person.edited.undo"] = "изменение контактного лица отменено",
        ["person.removed.undo"] = "удаление контактного лица отменено",
        ["clients.merged.undo"] = "объединение клиентов отменено",
        ["clients.imported"] = "импорт клиентов",
        ["clients.import_stopped"] = "импорт клиентов остановлен",
        ["touch.logged"] = "касание", ["contact.planned"] = "контакт запланирован", ["contact.done"] = "контакт выполнен",
        ["contact.moved"] = "контакт перенесён", ["deal.open"] = "сделка открыта", ["deal.move"] = "сделка перемещена",
        ["deal.won"] = "сделка выиграна", ["deal.lost"] = "сделка проиграна", ["deal.reopen"] = "сделка открыта снова",
        ["obligation.payment"] = "оплата", ["obligation.shipment"] = "отгрузка", ["obligation.expectedpayment"] = "ожидаемая оплата",
        ["cycle.added"] = "воронка добавлена", ["cycle.renamed"] = "воронка переименована", ["cycle.default"] = "воронка по умолчанию",
        ["stage.added"] = "этап добавлен", ["stage.renamed"] = "этап переименован", ["stage.moved"] = "этап перемещён",
        ["stage.removed"] = "этап удалён", ["stage.days"] = "срок этапа", ["stage.probability"] = "вероятность этапа",
        ["worktype.added"] = "вид работы добавлен", ["worktype.retired"] = "вид работы убран", ["worktype.deleted"] = "вид работы удалён",
        ["reason.added"] = "причина проигрыша добавлена", ["reason.retired"] = "причина проигрыша убрана", ["reason.deleted"] = "причина проигрыша удалена",
        ["segment.added"] = "сегмент добавлен", ["segment.retired"] = "сегмент убран", ["segment.deleted"] = "сегмент удалён",
        ["product.added"] = "продукт добавлен", ["product.retired"] = "продукт убран", ["product.deleted"] = "продукт удалён",
        ["setting.changed"] = "настройка изменена", ["target.set"] = "план продаж", ["norm.set"] = "норма активности",
        ["pay.scheme"] = "схема оплаты",
        ["norm.removed"] = "норма активности снята", ["user.role"] = "роль изменена", ["user.deactivated"] = "сотрудник отключён",
        ["user.handover"] = "дела переданы", ["invite.created"] = "приглашение создано",
        ["dept.added"] = "отдел добавлен", ["dept.renamed"] = "отдел переименован", ["dept.removed"] = "отдел удалён",
        ["dept.member"] = "сотрудник переведён в другой отдел", ["stage.owner"] = "ответственный за этап",
        ["scenario.added"] = "шаг сценария добавлен", ["scenario.removed"] = "шаг сценария убран",
        ["scenario.moved"] = "шаг сценария переставлен", ["scenario.skipped"] = "пропуск шагов сценария",
        ["task.opened"] = "задача этапа", ["task.taken"] = "задача взята в работу", ["task.done"] = "задача выполнена",
        ["task.returned"] = "сделка возвращена с комментарием", ["task.cancelled"] = "задача снята", ["task.reassigned"] = "задача передана",
    };

    protected override string UnnamedChangeFormat => "изменение «{0}»";
    public override string NothingToCancel() => "Отменять нечего.";

    public override string InviteAskRole() => "Кого приглашаем?";

    public override string InviteCreated(Role role, string link, DateTime expiresLocal) =>
        $"🎟 Приглашение: {RoleName(role)}\n{Escape(link)}\n\nОдноразовое, действует до {Date(expiresLocal)}. Перешлите ссылку сотруднику.";

    public override string InviteRoleTooHigh(Role role) =>
        $"⛔ Приглашать с ролью «{RoleName(role)}» может только администратор.";

    public override string UsersHeader(int total, int page, int pages) =>
        $"👥 <b>Пользователи</b>: {total}" + (pages > 1 ? $" (стр. {page}/{pages})" : "");

    public override string UserLine(string name, string? username, Role role, bool active, bool blocked, string lastSeen) =>
        $"{(active ? blocked ? "🚫" : "•" : "⛔")} {Escape(name)}{(username is null ? "" : $" @{Escape(username)}")} — {RoleName(role)}"
        + (active ? blocked ? ", заблокировал бота" : "" : ", отключён") + $", был(а) {Escape(lastSeen)}";

    public override string LastSeen(DateTime? lastSeenUtc, DateTime nowUtc) =>
        lastSeenUtc is { } at ? at.Humanize(utcDate: true, dateToCompareAgainst: nowUtc, culture: Ru) : Never;

    public override string PickUser() => "Выберите пользователя:";

    public override string UserNotFound(string query) =>
        $"Не нашёл пользователя «{Escape(query)}». Укажите @username, имя или Telegram id — или выберите из /users.";

    public override string PickRole(string name, Role current) =>
        $"Роль для {Bold(name)} (сейчас {RoleName(current)}):";

    public override string RoleChanged(string name, Role from, Role to) =>
        $"✅ {Bold(name)}: {RoleName(from)} → {RoleName(to)}.";

    public override string RoleUnchanged(string name, Role role) => $"У {Bold(name)} уже роль «{RoleName(role)}».";

    public override string YourRoleChanged(Role role) =>
        $"ℹ️ Ваша роль в ChatCrm теперь: {RoleName(role)}. Меню команд обновлено.";

    public override string CannotChangeOwnRole() => "⛔ Свою роль менять нельзя — попросите другого администратора.";

    public override string ConfigAdmin(string name) =>
        $"⛔ {Bold(name)} — администратор из настроек (Crm:AdminTelegramIds). Уберите его оттуда, чтобы сменить роль или отключить.";

    public override string DeactivateConfirm(string name) =>
        $"Отключить {Bold(name)}? Пользователь больше не сможет работать в боте.";

    public override string UserDeactivated(string name) => $"⛔ {Bold(name)} отключён(а).";
    public override string AlreadyInactive(string name) => $"{Bold(name)} уже отключён(а).";
    public override string CannotDeactivateSelf() => "⛔ Себя отключить нельзя.";
}
