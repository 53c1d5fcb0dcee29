using ChatCrm.Core.Domain.Crm;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string Error(DomainError error, string? detail = null) => "⚠️ " + (error switch
    {
        DomainError.NameEmpty => "The name can't be empty.",
        DomainError.NameTooLong => "That name is too long — please shorten it.",
        DomainError.TitleTooLong => "The deal title is too long — please shorten it.",
        DomainError.NoteTooLong => "The note is too long (4,000 characters at most) — shorten it; nothing was saved.",
        DomainError.InvalidCode => "That code won't do: use Latin letters, digits and _.",
        DomainError.AmountNotPositive => "The amount must be greater than zero.",
        DomainError.InvalidCurrency => "The currency is a three-letter ISO code such as RUB.",
        DomainError.InvalidProbability => "The probability is a number from 0 to 100.",
        DomainError.InvalidDays => "The number of days is from 1 to 3650.",
        DomainError.InvalidPosition => "There is no such position in the funnel.",
        DomainError.InvalidCount => "The count must be from 1 to 1000.",
        DomainError.InvalidPhone => $"That doesn't look like a phone number: {Escape(detail)}.",
        DomainError.InvalidEmail => $"That doesn't look like an e-mail address: {Escape(detail)}.",
        DomainError.TooManyPhones => "The client already has 5 phone numbers — no room for more.",
        DomainError.TooManyEmails => "The client already has 5 e-mail addresses — no room for more.",
        DomainError.CycleRetired => "This sales cycle is archived.",
        DomainError.CycleIsDefault => "This is the default cycle — make another one the default first.",
        DomainError.LastStage => "This is the cycle's last stage — it can't be removed.",
        DomainError.WorkTypeRetired => "This work type is archived.",
        DomainError.SegmentRetired => "This segment is archived.",
        DomainError.ProductRetired => $"The product “{Escape(detail)}” is archived.",
        DomainError.QuantityOutOfRange => $"The quantity is a whole number from 1 to {Escape(detail)}.",
        DomainError.DealClosed => "The deal is closed. Reopen it to work on it.",
        DomainError.DealNotClosed => "The deal is still open.",
        DomainError.DealLost => "The deal is lost — no payments or shipments are recorded on it.",
        DomainError.StageOfAnotherCycle => "That stage belongs to another sales cycle.",
        DomainError.StageRetired => "That stage has been removed from the funnel.",
        DomainError.SameStage => "The deal is already at that stage.",
        DomainError.ReasonRequired => "Please give the reason the deal was lost.",
        DomainError.ReasonRetired => "That reason is archived — please pick another.",
        DomainError.AmountFromLines => "The deal's amount is the sum of its products. To change it, change the products: /deal &lt;number&gt; + or -.",
        DomainError.ChangedSince => "The deal has changed since then — this can no longer be undone; fix it with a command.",
        DomainError.ClientHasDeal => $"Creating this client can no longer be undone: it has deal #{Escape(detail)} now, and deals are never deleted. "
            + $"Nothing was changed; the client stays. If the deal is not needed and still open, close it: /lost {Escape(detail)}",
        DomainError.ClientWorkedOnByOthers => $"Creating this client can no longer be undone: {Escape(detail)} is already working on it, and a "
            + "colleague's touches and plans are never deleted. Nothing was changed; the client stays.",
        DomainError.TakenClientMovedOn => string.IsNullOrEmpty(detail)
            ? "The client is no longer yours — it cannot go back to the pool."
            : $"The client has been handed on: {Escape(detail)} has it now — it cannot go back to the pool.",
        DomainError.ClientEditedSince => $"The edit of “{Escape(detail)}” can no longer be undone: the client's details have changed since. "
            + "Nothing was changed — fix them with /edit.",
        DomainError.PersonChangedSince => $"The change to contact person {Escape(detail)} can no longer be undone: they have been changed or removed since. "
            + "Nothing was changed — fix it with /person.",
        DomainError.MergeChangedSince => $"The merge of “{Escape(detail)}” can no longer be undone: the clients have been merged again or removed since. "
            + "Nothing was changed.",
        DomainError.UndoClientNotYours => "This can no longer be undone: the client is another manager's now. Nothing was changed.",
        DomainError.TouchNotPlanned => "That contact is no longer planned.",
        DomainError.DateInFuture => "That date hasn't come yet — use /plan for the future.",
        DomainError.TaskNotWaiting => "This task has already been taken or closed.",
        DomainError.TaskClosed => "This task is already closed.",
        DomainError.EmptyComment => "Say why you are handing it back: the manager needs to know what to fix.",
        _ => "That isn't allowed.",
    });
}
