using ChatCrm.Core.Spreadsheets;
using static ChatCrm.Core.Messages.Html;

namespace ChatCrm.Core.Messages;

internal sealed partial class EnglishTexts
{
    public override string ImportAlreadyDone(DateTime doneOnLocal) =>
        $"♻️ This file was already imported on {doneOnLocal.ToString("d MMMM yyyy", Culture)}. Repeats will merge into the clients already there. Go on?";

    public override string ImportGoOnButton => "▶️ Go on";
    public override string ImportNextButton => "Next ›";
    public override string ImportStartButton => "🚀 Start";

    public override string ImportDuplicatesHeader(int rows) =>
        $"🔁 Repeats and matches ({Grouped(rows)} rows). What should happen to them?";

    public override string ImportDuplicateClass(DuplicateClass @class, int count) => @class switch
    {
        DuplicateClass.InFile => $"repeated in the file: {Grouped(count)}",
        DuplicateClass.BasePhone => $"already in the base by phone: {Grouped(count)}",
        DuplicateClass.BaseEmail => $"by e-mail: {Grouped(count)}",
        DuplicateClass.SimilarName => $"similar names: {Grouped(count)}",
        _ => $"new: {Grouped(count)}",
    };

    public override string ImportChoiceButton(DuplicateChoice choice, bool chosen) => (chosen ? "✓ " : "") + choice switch
    {
        DuplicateChoice.Merge => "merge",
        DuplicateChoice.Skip => "skip",
        _ => "create",
    };

    public override string ImportNoOwner(int rows) =>
        $"👤 {Grouped(rows)} rows name no owner. Put them in the pool (to hand out later with /distribute) or give them to you?";

    public override string ImportToPoolButton => "🗂 To the pool";
    public override string ImportToMeButton => "🙋 To me";

    public override string ImportUnknownOwner(string owner, int rows) =>
        $"👤 The owner {Bold(owner)} is not on the team ({Grouped(rows)} rows). Who gets these clients?";

    public override string ImportUnknownSegment(string segment, int rows) =>
        $"🏷 There is no segment {Bold(segment)} ({Grouped(rows)} rows). Create it, go without a segment, or use an existing one?";

    public override string ImportCreateSegmentButton => "➕ Create it";

    public override string ImportConfirm(int rows, int merge, int skip, int rejected) =>
        $"📥 Import {Grouped(rows)} clients: {Grouped(merge)} to merge, {Grouped(skip)} to skip." +
        (rejected > 0 ? $" Rejected rows: {Grouped(rejected)} (they come back as a file with reasons)." : "") + " Start?";

    public override string ImportStarted() => "🚀 The import is running. Progress is in the next message.";

    public override string ImportProgress(int done, int total) => $"⏳ Import: {Grouped(done)} / {Grouped(total)}";

    public override string ImportStopped(int done, int total, int created, int merged) =>
        $"⚠️ The import stopped after {Grouped(done)} of {Grouped(total)} rows: the database keeps refusing the next part. "
        + $"What was written is kept ({Grouped(created)} created, {Grouped(merged)} merged).\n"
        + "Send the file again: the rows already written will be merged, not doubled. If it stops again, tell your administrator.";

    public override string ImportReport(int created, int merged, int skipped, int rejected, bool lastContacts) =>
        $"✅ Import done: {Grouped(created)} created, {Grouped(merged)} merged, {Grouped(skipped)} skipped, {Grouped(rejected)} rejected." +
        (lastContacts ? "\nThe file's last contact dates became the clients' last touch (what /forgotten goes by); no touches appear in their history." : "");

    public override string ImportRejectedCaption(int rejected) => $"Rejected rows ({Grouped(rejected)}) with the reason";
    public override string ImportReasonColumn => "Reason";
    public override string ImportRowColumn => "Row";
    public override string ImportRunCancelled() => "✖️ Import cancelled; nothing changed.";
    public override string ImportRunNotYours() => "This is not your import.";
    public override string ImportOutOfDate() => "This question is out of date.";
    public override string ImportRowFailed(string detail) => $"could not be saved: {Escape(detail)}";
}
