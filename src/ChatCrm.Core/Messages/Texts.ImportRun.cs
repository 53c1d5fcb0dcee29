using ChatCrm.Core.Spreadsheets;

namespace ChatCrm.Core.Messages;

/// <summary>The import after its preview: the questions, the run's progress and its report.</summary>
public abstract partial class Texts
{
    public abstract string ImportAlreadyDone(DateTime doneOnLocal);
    public abstract string ImportGoOnButton { get; }
    public abstract string ImportNextButton { get; }
    public abstract string ImportStartButton { get; }
    public abstract string ImportDuplicatesHeader(int rows);
    public abstract string ImportDuplicateClass(DuplicateClass @class, int count);
    public abstract string ImportChoiceButton(DuplicateChoice choice, bool chosen);
    public abstract string ImportNoOwner(int rows);
    public abstract string ImportToPoolButton { get; }
    public abstract string ImportToMeButton { get; }
    public abstract string ImportUnknownOwner(string owner, int rows);
    public abstract string ImportUnknownSegment(string segment, int rows);
    public abstract string ImportCreateSegmentButton { get; }
    public abstract string ImportConfirm(int rows, int merge, int skip, int rejected);
    public abstract string ImportStarted();
    public abstract string ImportProgress(int done, int total);
    public abstract string ImportStopped(int done, int total, int created, int merged);
    public abstract string ImportReport(int created, int merged, int skipped, int rejected, bool lastContacts);
    public abstract string ImportRejectedCaption(int rejected);
    public abstract string ImportReasonColumn { get; }
    public abstract string ImportRowColumn { get; }
    public abstract string ImportRunCancelled();
    public abstract string ImportRunNotYours();
    public abstract string ImportOutOfDate();
    public abstract string ImportRowFailed(string detail);

    /// <summary>«47 880»: digits grouped as the language groups them.</summary>
    protected string Grouped(int n) => Money(n, "");
}
