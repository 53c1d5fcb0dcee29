using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    protected override void AddImportDocs(IDictionary<string, CommandDoc> docs)
    {
        docs["import"] = new("загрузить базу клиентов из Excel или CSV",
            "/import — что прислать и какие колонки понимаю, с шаблоном. Потом пришлите файл .xlsx или .csv документом.",
            "/import");
    }

    public override string ImportOnlyHeads() =>
        "⛔ Загружать базу из файла могут только руководитель и админ. Клиента добавьте командой /client.";

    public override string ImportFileProblemText(ImportFileProblem problem, int sizeMb) => problem switch
    {
        ImportFileProblem.Empty => "📄 Файл пустой: в нём нет ни строки. Пришлите таблицу клиентов: первая строка — заголовки, дальше по клиенту в строке.",
        ImportFileProblem.NotASpreadsheet => "📄 Это не таблица: ни Excel (.xlsx), ни CSV не читается. Сохраните список как .xlsx или CSV и пришлите снова.",
        ImportFileProblem.OldExcel => "📄 Это старый формат Excel (.xls). Откройте файл и сохраните его как «Книга Excel (.xlsx)» или CSV, затем пришлите снова.",
        ImportFileProblem.HeaderOnly => "📄 В файле только строка заголовков, клиентов нет. Добавьте строки с клиентами и пришлите снова.",
        ImportFileProblem.NoNameColumn =>
            "📄 Не нашёл колонку с названием клиента. Назовите её «Название», «Компания», «Клиент» или «Name» и пришлите файл снова. Шаблон: /import",
        ImportFileProblem.TooBig => $"📄 Файл весит {sizeMb} МБ, а Telegram отдаёт ботам файлы до 20 МБ. Разбейте список на части или сохраните как CSV.",
        ImportFileProblem.TooManyColumns => $"📄 В таблице больше {ImportSheet.MaxColumns} колонок — это не похоже на список клиентов. Оставьте нужные колонки и пришлите снова.",
        _ => "📄 Не удалось получить файл от Telegram. Пришлите его ещё раз.",
    };

    public override string ImportFieldName(ImportField field) => field switch
    {
        ImportField.Name => "название",
        ImportField.Phone => "телефон",
        ImportField.Email => "e-mail",
        ImportField.Segment => "сегмент",
        ImportField.Owner => "ответственный",
        ImportField.City => "город",
        ImportField.ContactPerson => "контактное лицо",
        ImportField.Note => "примечание",
        ImportField.DealAmount => "сумма сделки",
        ImportField.DealStage => "этап сделки",
        ImportField.LastContact => "последний контакт",
        _ => "пропустить",
    };

    public override string ImportTemplateHeader(ImportField field) => field switch
    {
        ImportField.Name => "Название",
        ImportField.Phone => "Телефон",
        ImportField.Email => "E-mail",
        ImportField.Segment => "Сегмент",
        ImportField.Owner => "Ответственный",
        ImportField.City => "Город",
        ImportField.ContactPerson => "Контактное лицо",
        ImportField.Note => "Примечание",
        ImportField.DealAmount => "Сумма сделки",
        ImportField.DealStage => "Этап",
        ImportField.LastContact => "Последний контакт",
        _ => "Не загружать",
    };

    public override string ImportTemplateFileName => "шаблон-импорта.xlsx";

    public override string ImportRejectionKindText(ImportRejectionKind kind) => kind switch
    {
        ImportRejectionKind.NoName => "нет названия клиента",
        ImportRejectionKind.NameTooLong => $"название длиннее {Domain.Crm.Client.MaxNameLength} символов",
        ImportRejectionKind.BadPhone => "телефон не читается",
        ImportRejectionKind.BadEmail => "e-mail не читается",
        ImportRejectionKind.FormulaCell => "ячейка похожа на формулу Excel (начинается с =, +, - или @)",
        ImportRejectionKind.BadAmount => "сумма не читается",
        ImportRejectionKind.BadDate => "дата не читается (нужно дд.мм.гггг)",
        ImportRejectionKind.TooManyPhones => $"больше {Domain.Crm.Client.MaxPhones} телефонов",
        ImportRejectionKind.TooManyEmails => $"больше {Domain.Crm.Client.MaxEmails} адресов e-mail",
        _ => "слишком длинный текст",
    };

    public override string ImportPreviewHeading(string fileName, int rows) =>
        $"📥 {Bold(fileName)} — {Plural.Ru(rows, "строка", "строки", "строк")} с клиентами.\nКолонки и что в них:";

    public override string ImportPreviewColumn(int number, string header, ImportField field, IReadOnlyList<string> samples) =>
        $"{number}. {Escape(header)} → {(field == ImportField.Skip ? "<i>не загружаю</i>" : Bold(ImportFieldName(field)))}" +
        (samples.Count == 0 ? "" : $"\n     {Escape(string.Join(" · ", samples))}");

    public override string ImportPreviewHint() =>
        "Если колонка понята неверно — нажмите её номер и выберите смысл. Всё верно — «Продолжить».";

    public override string ImportUnnamedColumn(int number) => $"колонка {number}";

    public override string ImportAskField(int number, string header, IReadOnlyList<string> samples) =>
        $"Что в колонке {number} «{Escape(header)}»?" + (samples.Count == 0 ? "" : $"\nНапример: {Escape(string.Join(" · ", samples))}");

    public override string ImportContinueButton => "✅ Продолжить";
    public override string ImportCancelButton => "✖️ Отмена";
    public override string ImportBackButton => "← Назад";

    public override string ImportNeedsName() =>
        "Без колонки с названием клиента загрузить нельзя. Нажмите номер колонки, где названия, и выберите «название».";

    public override string ImportMappingConfirmed(string fileName) => $"✅ Колонки {Bold(fileName)} подтверждены.";

    public override string ImportCancelled(string fileName) => $"✖️ Загрузка {Bold(fileName)} отменена, ничего не изменено.";

    public override string ImportNotYours() => "Это превью чужого файла: кнопки — у того, кто его прислал.";

    public override string ImportPreviewClosed() => "Эта загрузка уже отменена или подтверждена.";

    public override string ImportHelp() =>
        "📥 <b>Загрузка базы клиентов</b>\n" +
        "Пришлите мне файл <b>.xlsx</b> или <b>.csv</b> документом (до 20 МБ). Первая строка — заголовки, дальше по клиенту в строке; читаю первый лист.\n\n" +
        "Понимаю колонки: название (Наименование, Компания, Клиент, Name), телефон (можно несколько колонок или через запятую), " +
        "e-mail, сегмент, ответственный, город, контактное лицо, примечание, сумма сделки, этап, последний контакт (дд.мм.гггг).\n" +
        "CSV: кодировка UTF-8 или Windows-1251, разделитель «;» или «,».\n\n" +
        "Сначала покажу, как понял колонки, — их можно поправить; ничего не загружу без подтверждения. Шаблон ниже.";

    public override string ImportTemplateCaption() => "Шаблон: заполните строки и пришлите файл обратно.";
}
