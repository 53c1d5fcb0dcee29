namespace ChatCrm.Core.Domain.Crm;

/// <summary>
/// A rule of the CRM refused a change. The bot turns <see cref="Error"/> into a sentence in the user's
/// language; <see cref="Exception.Message"/> is for logs only.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error, string? detail = null)
        : base(detail is null ? error.ToString() : $"{error}: {detail}")
    {
        Error = error;
        Detail = detail;
    }

    public DomainError Error { get; }

    /// <summary>A value worth echoing back (the too-long name, the bad phone), never a sentence.</summary>
    public string? Detail { get; }
}

/// <summary>Every reason a CRM rule can refuse a change; each maps to one user-facing sentence.</summary>
public enum DomainError
{
    // Names and texts
    NameEmpty,
    NameTooLong,
    TitleTooLong,
    NoteTooLong,
    InvalidCode,

    // Numbers
    AmountNotPositive,
    InvalidCurrency,
    InvalidProbability,
    InvalidDays,
    InvalidPosition,
    InvalidCount,

    /// <summary>A product line's quantity is not between 1 and the maximum (the detail).</summary>
    QuantityOutOfRange,

    // Contacts
    InvalidPhone,
    InvalidEmail,
    TooManyPhones,
    TooManyEmails,

    // Catalogs
    CycleRetired,
    CycleIsDefault,
    LastStage,
    WorkTypeRetired,
    SegmentRetired,
    ProductRetired,

    // Deals
    DealClosed,
    DealNotClosed,
    DealLost,
    StageOfAnotherCycle,
    StageRetired,
    SameStage,
    ReasonRequired,
    ReasonRetired,

    /// <summary>A final amount for a deal with product lines: its amount is their sum.</summary>
    AmountFromLines,

    /// <summary>/undo of a deal change after someone changed the deal again.</summary>
    ChangedSince,

    /// <summary>/undo of a new client that has a deal by now (the detail is the deal's number).</summary>
    ClientHasDeal,

    /// <summary>/undo of a new client a colleague has logged or planned work on by now (the detail is their name).</summary>
    ClientWorkedOnByOthers,

    /// <summary>/undo of a client taken from the pool that is no longer the user's (the detail is its owner now, or empty).</summary>
    TakenClientMovedOn,

    /// <summary>/undo of an /edit after the client's details were changed again (the detail is the client's name).</summary>
    ClientEditedSince,

    /// <summary>/undo of a contact person change after the person was changed or removed again (the detail is their name).</summary>
    PersonChangedSince,

    /// <summary>/undo of a /merge after either client went on to change: merged again or gone (the detail is the merged-away name).</summary>
    MergeChangedSince,

    /// <summary>/undo of a change to a client the user no longer sees: it was handed to someone else since.</summary>
    UndoClientNotYours,

    // Touches
    TouchNotPlanned,
    DateInFuture,

    // Stage tasks
    /// <summary>Taking a stage task someone already took (or that is closed).</summary>
    TaskNotWaiting,

    /// <summary>Finishing, handing back or cancelling a task that is already closed.</summary>
    TaskClosed,

    /// <summary>Handing work back without saying why.</summary>
    EmptyComment,
}
