using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string ImportAlreadyDone(DateTime doneOnLocal) =>
        $"♻️ Этот файл уже импортирован {doneOnLocal.ToString("d MMMM yyyy", Culture)}. Повторы объединятся с клиентами, что уже есть. Продолжить?";

    public override string ImportGoOnButton => "▶️ Продолжить";
    public override string ImportNextButton => "Дальше ›";
    public override string ImportStartButton => "🚀 Начать";

    public override string ImportDuplicatesHeader(int rows) =>
        $"🔁 Повторы и совпадения ({Grouped(rows)} строк). Что с ними сделать?";

    public override string ImportDuplicateClass(DuplicateClass @class, int count) => @class switch
    {
        DuplicateClass.InFile => $"в файле повторяются: {Grouped(count)}",
        DuplicateClass.BasePhone => $"уже есть в базе по телефону: {Grouped(count)}",
        DuplicateClass.BaseEmail => $"по e-mail: {Grouped(count)}",
        DuplicateClass.SimilarName => $"похожие названия: {Grouped(count)}",
        _ => $"новые: {Grouped(count)}",
    };

    public override string ImportChoiceButton(DuplicateChoice choice, bool chosen) => (chosen ? "✓ " : "") + choice switch
    {
        DuplicateChoice.Merge => "объединить",
        DuplicateChoice.Skip => "пропустить",
        _ => "создать",
    };

    public override string ImportNoOwner(int rows) =>
        $"👤 У {Grouped(rows)} строк не указан ответственный. Куда их — в пул (раздать позже через /distribute) или вам?";

    public override string ImportToPoolButton => "🗂 В пул";
    public override string ImportToMeButton => "🙋 Мне";

    public override string ImportUnknownOwner(string owner, int rows) =>
        $"👤 Ответственный {Bold(owner)} не найден среди сотрудников ({Grouped(rows)} строк). Кому отдать этих клиентов?";

    public override string ImportUnknownSegment(string segment, int rows) =>
        $"🏷 Сегмента {Bold(segment)} нет ({Grouped(rows)} строк). Создать его, обойтись без сегмента или взять существующий?";

    public override string ImportCreateSegmentButton => "➕ Создать";

    public override string ImportConfirm(int rows, int merge, int skip, int rejected) =>
        $"📥 Импортировать {Grouped(rows)} клиентов: {Grouped(merge)} объединить, {Grouped(skip)} пропустить." +
        (rejected > 0 ? $" Отклонено строк: {Grouped(rejected)} (вернутся файлом с причинами)." : "") + " Начать?";

    public override string ImportStarted() => "🚀 Импорт запущен. Прогресс — в следующем сообщении.";

    public override string ImportProgress(int done, int total) => $"⏳ Импорт: {Grouped(done)} / {Grouped(total)}";

    public override string ImportStopped(int done, int total, int created, int merged) =>
        $"⚠️ Импорт остановлен после {Grouped(done)} из {Grouped(total)} строк: база данных раз за разом не принимает следующую часть. "
        + $"Записанное сохранено (создано {Grouped(created)}, объединено {Grouped(merged)}).\n"
        + "Пришлите файл ещё раз: уже записанные строки объединятся, а не задвоятся. Если остановится снова — сообщите администратору.";

    public override string ImportReport(int created, int merged, int skipped, int rejected, bool lastContacts) =>
        $"✅ Импорт завершён: создано {Grouped(created)}, объединено {Grouped(merged)}, пропущено {Grouped(skipped)}, отклонено {Grouped(rejected)}." +
        (lastContacts ? "\nДата последнего контакта из файла записана как последнее касание клиента (по ней /forgotten считает забытых); самих касаний в истории нет." : "");

    public override string ImportRejectedCaption(int rejected) => $"Отклонённые строки ({Grouped(rejected)}) с причиной";
    public override string ImportReasonColumn => "Причина";
    public override string ImportRowColumn => "Строка";
    public override string ImportRunCancelled() => "✖️ Импорт отменён, ничего не изменено.";
    public override string ImportRunNotYours() => "Это не ваш импорт.";
    public override string ImportOutOfDate() => "Этот вопрос уже неактуален.";
    public override string ImportRowFailed(string detail) => $"не удалось сохранить: {Escape(detail)}";
}
