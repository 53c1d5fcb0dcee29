using System.Globalization;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Outbox;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Import;

/// <summary>
/// The buttons of the import's questions, `imq:&lt;import&gt;:&lt;verb&gt;…`: go on / next / start (`go`), cancel (`x`), a
/// duplicate class's answer (`d:&lt;class&gt;:&lt;choice&gt;`), rows without an owner (`n:p|m`), an unknown owner
/// (`o:&lt;i&gt;:&lt;user id or 0&gt;`) and an unknown segment (`s:&lt;i&gt;:c|0|&lt;segment id&gt;`). Only the head who sent the file
/// answers; a button of a step already passed is out of date.
/// </summary>
internal sealed class ImportAnswers(OutboxWriter outbox) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count < 2 || !long.TryParse(args[0], CultureInfo.InvariantCulture, out var id))
        {
            ctx.CallbackToast = ctx.T.ImportOutOfDate();
            return;
        }

        var import = await ImportFile.LoadWithoutFileAsync(ctx.Db, id, ct);
        if (import is null || import.UserId != ctx.User.Id)
        {
            ctx.CallbackToast = ctx.T.ImportRunNotYours();
            return;
        }

        if (import.Status != ImportStatus.Questions)
        {
            ctx.CallbackToast = ctx.T.ImportOutOfDate();
            return;
        }

        var choices = ImportChoices.Read(import.Choices);
        if (args[1] == "x")
        {
            import.Status = ImportStatus.Cancelled;
            ImportFile.DropFile(ctx.Db, import);
            import.FinishedAt = ctx.Now;
            ctx.Show(new Reply(ctx.T.ImportRunCancelled()));
            return;
        }

        var onConfirmation = choices.Step == ImportStep.Confirm;
        if (!Apply(choices, args))
        {
            ctx.CallbackToast = ctx.T.ImportOutOfDate();
            return;
        }

        import.Choices = choices.Write();
        if (onConfirmation && args[1] == "go")
        {
            await StartAsync(ctx, import, choices, ct);
            return;
        }

        await ImportQuestions.ShowAsync(ctx, import, choices, ct);
    }

    /// <summary>Takes the answer if it belongs to the step on screen; false for a button of another step or nonsense.</summary>
    private static bool Apply(ImportChoices choices, IReadOnlyList<string> args)
    {
        var step = choices.Step;
        switch (args[1])
        {
            case "go" when args.Count == 2:
                if (step != ImportStep.Confirm)
                {
                    // "Go on" after the repeat warning, "next" after the duplicate classes.
                    if (step is not (ImportStep.Repeat or ImportStep.Duplicates))
                    {
                        return false;
                    }

                    // Landing on the confirmation shows it: the start needs a tap of its own.
                    choices.Step = ImportQuestions.Advance(choices, step + 1);
                }

                return true;
            case "d" when step == ImportStep.Duplicates && args.Count == 4
                && int.TryParse(args[2], CultureInfo.InvariantCulture, out var c) && Enum.IsDefined((DuplicateClass)c) && c != 0
                && int.TryParse(args[3], CultureInfo.InvariantCulture, out var a) && Enum.IsDefined((DuplicateChoice)a):
                choices.Answers[(DuplicateClass)c] = (DuplicateChoice)a;
                return true;
            case "n" when step == ImportStep.NoOwner && args.Count == 3 && args[2] is "p" or "m":
                choices.NoOwnerToMe = args[2] == "m";
                choices.Step = ImportQuestions.Advance(choices, ImportStep.Owners);
                return true;
            case "o" when step == ImportStep.Owners && args.Count == 4
                && int.TryParse(args[2], CultureInfo.InvariantCulture, out var o) && o >= 0 && o < choices.Owners.Count && !choices.Owners[o].Answered
                && long.TryParse(args[3], CultureInfo.InvariantCulture, out var userId):
                choices.Owners[o].UserId = userId == 0 ? null : userId;
                choices.Owners[o].Answered = true;
                choices.Step = ImportQuestions.Advance(choices, ImportStep.Owners);
                return true;
            case "s" when step == ImportStep.Segments && args.Count == 4
                && int.TryParse(args[2], CultureInfo.InvariantCulture, out var s) && s >= 0 && s < choices.Segments.Count && !choices.Segments[s].Answered:
                var segment = choices.Segments[s];
                if (args[3] == "c")
                {
                    segment.Create = true;
                }
                else if (long.TryParse(args[3], CultureInfo.InvariantCulture, out var segmentId))
                {
                    segment.SegmentId = segmentId == 0 ? null : segmentId;
                }
                else
                {
                    return false;
                }

                segment.Answered = true;
                choices.Step = ImportQuestions.Advance(choices, ImportStep.Segments);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Creates the segments the head chose to create, marks the import running, and posts the progress message whose
    /// Telegram id the worker edits as it goes.
    /// </summary>
    private async Task StartAsync(BotContext ctx, ClientImport import, ImportChoices choices, CancellationToken ct)
    {
        // An owner or a segment picked from the buttons must still be there; one that is not falls back to none.
        var userIds = choices.Owners.Select(o => o.UserId).OfType<long>().ToList();
        var activeUsers = await ctx.Db.Users.Where(u => userIds.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        choices.Owners.Where(o => o.UserId is { } u && !activeUsers.Contains(u)).ToList().ForEach(o => o.UserId = null);
        var live = await ctx.Db.Segments.Where(s => !s.IsRetired).ToListAsync(ct);
        foreach (var answer in choices.Segments.Where(s => s.SegmentId is { } id && live.All(l => l.Id != id)))
        {
            answer.SegmentId = null;
        }

        foreach (var answer in choices.Segments.Where(s => s.Create))
        {
            var segment = live.FirstOrDefault(l => ImportChoices.Key(l.Name) == ImportChoices.Key(answer.Text));
            if (segment is null)
            {
                segment = Segment.Create(answer.Text);
                ctx.Db.Segments.Add(segment);
                live.Add(segment);
                await ctx.Db.SaveChangesAsync(ct);
            }

            answer.SegmentId = segment.Id;
            answer.Create = false;
        }

        import.Status = ImportStatus.Running;
        import.Choices = choices.Write();
        ctx.Show(new Reply(ctx.T.ImportConfirm(choices.Valid, choices.Planned(DuplicateChoice.Merge), choices.Planned(DuplicateChoice.Skip),
            import.RowsTotal - choices.Valid) + "\n" + ctx.T.ImportStarted()));
        var progress = outbox.Message(ctx.ChatId, new Reply(ctx.T.ImportProgress(0, import.RowsTotal)),
            string.Create(CultureInfo.InvariantCulture, $"import:{import.Id}:progress"));
        await ctx.Db.SaveChangesAsync(ct);
        import.ProgressOutboxId = progress.Id;
    }
}
