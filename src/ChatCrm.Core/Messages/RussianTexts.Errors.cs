using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class RussianTexts
{
    public override string Error(DomainError error, string? detail = null) => "⚠️ " + (error switch
    {
        DomainError.NameEmpty => "Название не может быть пустым.",
        DomainError.NameTooLong => "Слишком длинное название — сократите его.",
        DomainError.TitleTooLong => "Слишком длинное название сделки — сократите его.",
        DomainError.NoteTooLong => "Заметка слишком длинная (до 4000 знаков) — сократите её, ничего не сохранено.",
        DomainError.InvalidCode => "Такой код не подходит: латиница, цифры и _.",
        DomainError.AmountNotPositive => "Сумма должна быть больше нуля.",
        DomainError.InvalidCurrency => "Валюта — три буквы ISO, например RUB.",
        DomainError.InvalidProbability => "Вероятность — число от 0 до 100.",
        DomainError.InvalidDays => "Число дней — от 1 до 3650.",
        DomainError.InvalidPosition => "Такой позиции в воронке нет.",
        DomainError.InvalidCount => "Количество должно быть от 1 до 1000.",
        DomainError.InvalidPhone => $"Не похоже на телефон: {Escape(detail)}.",
        DomainError.InvalidEmail => $"Не похоже на e-mail: {Escape(detail)}.",
        DomainError.TooManyPhones => "У клиента уже 5 телефонов — больше не помещается.",
        DomainError.TooManyEmails => "У клиента уже 5 адресов e-mail — больше не помещается.",
        DomainError.CycleRetired => "Этот цикл продаж уже в архиве.",
        DomainError.CycleIsDefault => "Это основной цикл — сначала сделайте основным другой.",
        DomainError.LastStage => "Это последний этап цикла — его нельзя убрать.",
        DomainError.WorkTypeRetired => "Этот вид работы уже в архиве.",
        DomainError.SegmentRetired => "Этот сегмент уже в архиве.",
        DomainError.ProductRetired => $"Продукт «{Escape(detail)}» в архиве.",
        DomainError.QuantityOutOfRange => $"Количество — целое число от 1 до {Escape(detail)}.",
        DomainError.DealClosed => "Сделка уже закрыта. Чтобы работать с ней, откройте её заново.",
        DomainError.DealNotClosed => "Сделка ещё открыта.",
        DomainError.DealLost => "Сделка проиграна — платежи и отгрузки по ней не записываются.",
        DomainError.StageOfAnotherCycle => "Этот этап из другого цикла продаж.",
        DomainError.StageRetired => "Этот этап убран из воронки.",
        DomainError.SameStage => "Сделка уже на этом этапе.",
        DomainError.ReasonRequired => "Укажите причину проигрыша.",
        DomainError.ReasonRetired => "Эта причина уже в архиве — выберите другую.",
        DomainError.AmountFromLines => "Сумма сделки — сумма её товаров. Чтобы её изменить, поправьте товары: /deal &lt;номер&gt; + или -.",
        DomainError.ChangedSince => "После этого сделку уже меняли — отменить это нельзя, поправьте её командой.",
        DomainError.ClientHasDeal => $"Создание клиента не отменить: по нему уже есть сделка #{Escape(detail)}, а сделки не удаляются. "
            + $"Ничего не изменено, клиент остаётся. Если сделка лишняя и ещё открыта, закройте её: /lost {Escape(detail)}",
        DomainError.ClientWorkedOnByOthers => $"Создание клиента не отменить: по нему уже работает {Escape(detail)}, а чужие касания и планы "
            + "не удаляются. Ничего не изменено, клиент остаётся.",
        DomainError.TakenClientMovedOn => string.IsNullOrEmpty(detail)
            ? "Клиент уже не ваш — вернуть его в пул нельзя."
            : $"Клиента уже передали: его ведёт {Escape(detail)} — вернуть в пул нельзя.",
        DomainError.ClientEditedSince => $"Правку «{Escape(detail)}» не отменить: данные клиента с тех пор уже меняли. "
            + "Ничего не изменено — поправьте их командой /edit.",
        DomainError.PersonChangedSince => $"Изменение контактного лица {Escape(detail)} не отменить: его с тех пор уже меняли или удаляли. "
            + "Ничего не изменено — поправьте его командой /person.",
        DomainError.MergeChangedSince => $"Объединение с «{Escape(detail)}» не отменить: клиентов с тех пор снова объединяли или удаляли. "
            + "Ничего не изменено.",
        DomainError.UndoClientNotYours => "Не отменить: этого клиента уже ведёт другой менеджер. Ничего не изменено.",
        DomainError.TouchNotPlanned => "Этот контакт уже не в плане.",
        DomainError.DateInFuture => "Эта дата ещё не наступила — для будущего используйте /plan.",
        DomainError.TaskNotWaiting => "Эту задачу уже взяли в работу или закрыли.",
        DomainError.TaskClosed => "Эта задача уже закрыта.",
        DomainError.EmptyComment => "Напишите, почему возвращаете: менеджер должен знать, что поправить.",
        _ => "Так нельзя.",
    });
}
