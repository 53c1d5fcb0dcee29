using System.Globalization;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// /plan &lt;client&gt; &lt;when&gt; [work type] [note]. The work type may also come right after the client
/// («/plan Ромашка встреча пт 11:00»); without one it is a call. No date or an unreadable one → the quick buttons.
/// </summary>
internal sealed class PlanContact : ICommandHandler
{
    private const int MaxArgsLength = Touch.MaxNoteLength + Client.MaxNameLength + 200;

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (args.Length > MaxArgsLength)
        {
            throw new DomainException(DomainError.NoteTooLong, args.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (args.Length == 0)
        {
            ctx.Ask("plan", "", ctx.T.AskPlanClient());
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (ClientFinder.AskIfUnsettled(ctx, lookup, "plan", TouchLogging.Query(args)))
        {
            return;
        }

        var client = lookup.Client!;
        var rest = lookup.Rest;
        (var workType, rest) = await LeadingWorkTypeAsync(ctx, rest, ct);
        var verb = "";
        if (TouchArgumentsParser.LeadingNextVerb(rest) is { } verbEnd
            && WhenParser.TryParsePrefix(rest[verbEnd..], ctx.Now, ctx.Zone, WhenDirection.Forward, ctx.T.Language) is not null)
        {
            // «/plan Ромашка перезвонить в пт»: the verb says what to do, the date follows it; the verb stays as the note.
            verb = rest[..verbEnd].Trim();
            rest = rest[verbEnd..].Trim();
        }

        var when = WhenParser.TryParsePrefix(rest, ctx.Now, ctx.Zone, WhenDirection.Forward, ctx.T.Language);
        if (DateQuestions.AskIfAmbiguous(ctx, "plan", args, when))
        {
            return;
        }

        var fallbackType = workType ?? await WorkTypeLookup.DefaultAsync(ctx, ct);
        if (fallbackType is null)
        {
            ctx.Reply(ctx.T.WorkTypeUnknown("call", []));
            return;
        }

        if (when is null)
        {
            var question = rest.Length == 0 ? ctx.T.AskWhen(client.Name) : ctx.T.WhenNotUnderstood(rest);
            ctx.Reply(new Reply(question, NextStep.Buttons(ctx, client.Id, fallbackType.Id, withNone: false)));
            return;
        }

        rest = rest[when.Length..].Trim();
        if (workType is null)
        {
            (workType, rest) = await LeadingWorkTypeAsync(ctx, rest, ct);
        }

        workType ??= fallbackType;
        rest = $"{verb} {rest}".Trim();
        var planned = await PlanAndSaveAsync(ctx, client, workType, TouchTimes.PlannedUtc(when, ctx.Zone), rest, ct);
        ctx.Reply(Planned(ctx, client, workType, planned));
    }

    /// <summary>Plans the contact, keeps the client's next contact right, and lets /undo take it back (saves: /undo needs the id).</summary>
    public static async Task<Touch> PlanAndSaveAsync(BotContext ctx, Client client, WorkType workType, DateTime atUtc, string? note, CancellationToken ct)
    {
        var planned = Touch.Plan(client, workType, ctx.User.Id, atUtc, note, ctx.Now);
        ctx.Db.Touches.Add(planned);
        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        ctx.Undo.Record(TouchUndo.PlannedKind, planned.Id.ToString(CultureInfo.InvariantCulture),
            ctx.T.PlanUndoDescription(ctx.Shown(workType.Name), client.Name));
        ctx.Audit.Record(AuditActions.ContactPlanned, client.Name, after: workType.Code);
        return planned;
    }

    public static Reply Planned(BotContext ctx, Client client, WorkType workType, Touch planned) =>
        new(ctx.T.ContactPlanned(ctx.Shown(workType.Name), client.Name, ctx.InWords(planned.PlannedFor!.Value), ctx.Now > planned.PlannedFor),
            [[Button.Callback(ctx.T.CardButton, TouchLogging.Card(client.Id)), Button.Callback(ctx.T.TodayButton, CommandTable.Run("today"))]]);

    /// <summary>A work type named by the first word, and the text after it; the text unchanged when there is none.</summary>
    private static async Task<(WorkType? WorkType, string Remainder)> LeadingWorkTypeAsync(BotContext ctx, string rest, CancellationToken ct)
    {
        var parts = rest.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && await WorkTypeLookup.FindAsync(ctx, parts[0], ct) is { } workType
            ? (workType, parts.Length > 1 ? parts[1].Trim() : "")
            : (null, rest);
    }
}
