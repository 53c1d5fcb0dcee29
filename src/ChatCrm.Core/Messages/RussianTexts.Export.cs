using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string ExportAskKind() => "📤 Что выгрузить? Нажмите кнопку или напишите, например: /export сделки прошлый месяц";
    public override string ExportUnknownKind(string word) => $"Не знаю, что выгрузить как «{Escape(word)}». Выберите:";
    public override string ExportAskPeriod(string kindName) =>
        $"📤 {Escape(kindName)}: за какой период? Нажмите кнопку или напишите: «ноябрь», «прошлая неделя», «01.10–31.12».";
    public override string ExportAllTimeButton => "За всё время";
    public override string ExportAllTime => "за всё время";
    public override string ExportOnlyOwn() => "🔒 Менеджер выгружает только своё. Ваши данные: /export без имени.";
    public override string ExportEmpty(string kindName, string filter) =>
        $"📭 Выгружать нечего: {Escape(kindName.ToLowerInvariant())} — {Escape(filter)} — не найдено.";
    public override string ExportCaption(string kindName, int rows, string filter) =>
        $"📤 {Bold(kindName)}: {Plural.Ru(rows, "строка", "строки", "строк")} — {Escape(filter)}";
    public override string ExportTooLarge(string kindName, int rows, int megabytes, int limitMegabytes) =>
        $"⚠️ {Escape(kindName)}: {Plural.Ru(rows, "строка", "строки", "строк")}, файл вышел {megabytes} МБ — больше предела Telegram в {limitMegabytes} МБ. "
        + "Выгрузите в CSV (добавьте «csv») или за период поменьше, например: /export сделки прошлый месяц csv";

    protected override IReadOnlyDictionary<ExportKind, string> ExportKindNames { get; } = new Dictionary<ExportKind, string>
    {
        [ExportKind.Clients] = "Клиенты", [ExportKind.Deals] = "Сделки", [ExportKind.Touches] = "Касания", [ExportKind.Payments] = "Оплаты",
    };

    protected override IReadOnlyDictionary<ExportKind, IReadOnlyList<string>> ExportHeaderTable { get; } = new Dictionary<ExportKind, IReadOnlyList<string>>
    {
        [ExportKind.Clients] =
        [
            "№", "Название", "Телефоны", "E-mail", "Сегмент", "Менеджер", "Город", "Заметка", "Создан", "Последний контакт",
            "Следующий контакт", "Открытых сделок", "Оплачено всего",
        ],
        [ExportKind.Deals] =
        [
            "№", "Клиент", "Название", "Сумма", "Цикл", "Этап", "Статус", "Менеджер", "Открыта", "Закрыта", "Причина проигрыша",
            "Ожидаемое закрытие",
        ],
        [ExportKind.Touches] = ["Дата", "Клиент", "Вид работы", "Менеджер", "Статус", "Заметка"],
        [ExportKind.Payments] = ["Дата", "Сделка", "Клиент", "Сумма", "Менеджер"],
    };

    protected override IReadOnlyDictionary<DealStatus, string> ExportDealStatuses { get; } = new Dictionary<DealStatus, string>
    {
        [DealStatus.Open] = "в работе", [DealStatus.Won] = "выиграна", [DealStatus.Lost] = "проиграна",
    };

    protected override IReadOnlyDictionary<TouchStatus, string> ExportTouchStatuses { get; } = new Dictionary<TouchStatus, string>
    {
        [TouchStatus.Done] = "сделано", [TouchStatus.Planned] = "запланировано", [TouchStatus.Cancelled] = "отменено",
    };

    protected override void AddExportDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["export"] = new("выгрузка в Excel или CSV: клиенты, сделки, касания, оплаты",
            "/export клиенты|сделки|касания|оплаты [период] [менеджер | #сегмент] [csv]\n"
            + "Период: клиенты — созданные в нём, сделки — открытые, касания — сделанные или запланированные, оплаты — полученные; "
            + "без периода — за всё время. Менеджер выгружает только своё.",
            "/export сделки прошлый месяц");
    }
}
