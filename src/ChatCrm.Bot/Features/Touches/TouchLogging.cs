using System.Globalization;
using System.Text.Json;
using ChatCrm.Bot.Features.Scenarios;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// Logs a done touch the way every command and button does it: the touch, the client's last touch, the next
/// contact if one was named, /undo, the audit, and one reply that echoes what was understood and asks for the
/// next step when none is planned.
/// </summary>
internal static class TouchLogging
{
    /// <summary>Longer arguments cannot hold a note the rules accept; refusing first keeps a huge paste out of every echo.</summary>
    private const int MaxArgsLength = Touch.MaxNoteLength + Client.MaxNameLength + 200;

    /// <param name="resumePrefix">What a resumed command needs before the client (/log's work type).</param>
    public static async Task LogCommandAsync(BotContext ctx, string command, WorkType workType, string args, CancellationToken ct,
        string resumePrefix = "")
    {
        if (args.Length > MaxArgsLength)
        {
            throw new DomainException(DomainError.NoteTooLong, args.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (args.Length == 0)
        {
            ctx.Ask(command, resumePrefix.TrimEnd(), ctx.T.AskTouchClient(ctx.Shown(workType.Name)));
            return;
        }

        var lookup = await ClientFinder.FindAsync(ctx, args, ct);
        if (lookup.Kind is ClientMatchKind.Ambiguous or ClientMatchKind.Suggestions && resumePrefix.Length > 0)
        {
            var rest = lookup.Match?.RestFor(lookup.Options[0].Id) ?? lookup.Rest;
            ctx.AskChoice(command, resumePrefix + "#c{0} " + rest, ctx.T.WhichClient(Query(args)),
                lookup.Options.Select(c => (c.Name, c.Id.ToString(CultureInfo.InvariantCulture))));
            return;
        }

        if (ClientFinder.AskIfUnsettled(ctx, lookup, command, Query(args)))
        {
            return;
        }

        var parsed = TouchArgumentsParser.Parse(lookup.Rest, ctx.Now, ctx.Zone, ctx.T.Language);
        if (DateQuestions.AskIfAmbiguous(ctx, command, resumePrefix + args, parsed.At, parsed.Next))
        {
            return;
        }

        await LogAndSaveAsync(ctx, lookup.Client!, workType, parsed, ct);
    }

    /// <summary>
    /// Logs the touch and the next contact named with it; saves, because /undo needs their ids. A contact planned for
    /// the client by the end of the touch's day is what the touch fulfils (see <see cref="PlanToCloseAsync"/>): it
    /// becomes the touch, the reply says so, and /undo plans it again.
    /// </summary>
    public static async Task LogAndSaveAsync(BotContext ctx, Client client, WorkType workType, TouchArguments args, CancellationToken ct)
    {
        var happened = TouchTimes.HappenedUtc(args.At, ctx.Now, ctx.Zone);
        var plan = happened <= ctx.Now ? await PlanToCloseAsync(ctx, client, workType, happened, ct) : null;
        var closed = plan is null ? null : new TouchUndo.ClosedPlan(plan.UserId, plan.WorkTypeId, plan.Note);
        Touch touch;
        if (plan is not null)
        {
            plan.CompleteBy(client, workType, ctx.User.Id, happened, args.Note, ctx.Now);
            touch = plan;
        }
        else
        {
            touch = Touch.LogDone(client, workType, ctx.User.Id, happened, args.Note, ctx.Now);
            ctx.Db.Touches.Add(touch);
        }

        Touch? next = null;
        if (args.Next is { } when)
        {
            next = Touch.Plan(client, workType, ctx.User.Id, TouchTimes.PlannedUtc(when, ctx.Zone), args.NextNote, ctx.Now);
            ctx.Db.Touches.Add(next);
        }

        await NextContact.SaveAndUpdateAsync(ctx, client, ct);
        ctx.Undo.Record(TouchUndo.LoggedKind, JsonSerializer.Serialize(new TouchUndo.Logged(touch.Id, next?.Id, closed)),
            ctx.T.TouchUndoDescription(ctx.Shown(workType.Name), client.Name));
        ctx.Audit.Record(AuditActions.TouchLogged, client.Name, after: workType.Code);

        var backDated = args.At is null ? null : ctx.InWords(happened);
        var closedLine = plan is null ? "" : "\n" + ctx.T.PlanClosed(ctx.InWords(plan.PlannedFor!.Value));
        if (next is not null)
        {
            ctx.Reply(new Reply(ctx.T.TouchLogged(ctx.Shown(workType.Name), client.Name, backDated, ctx.InWords(next.PlannedFor!.Value)) + closedLine,
                [[Button.Callback(ctx.T.CardButton, Card(client.Id))]]));
            return;
        }

        var fact = ctx.T.TouchLogged(ctx.Shown(workType.Name), client.Name, backDated, null) + closedLine;
        var mention = WhenParser.FindDayMention(args.Note, ctx.Now, ctx.Zone, ctx.T.Language);
        if (mention is not null)
        {
            // «обсудили 25.12 поставку»: the day stays in the note, but the user sees it was not planned and can plan it.
            fact += "\n" + ctx.T.DayInNote(mention.Text);
        }

        var reply = await NextStepAsync(ctx, client, workType, fact, always: true, ct);
        ctx.Reply(mention is null ? reply
            : new Reply(reply.Html, [[DateQuestions.PlanButton(ctx, client.Id, workType.Id, mention.When)], .. reply.Buttons]));
    }

    /// <summary>
    /// The planned contact a touch of <paramref name="client"/> fulfils: planned for any time up to the end of the
    /// touch's day (today's later call included, an overdue one of any age too), of the same work type — the one
    /// planned last — or of any type when it is the only one. A plan for a later day stays: it is still to come.
    /// </summary>
    private static async Task<Touch?> PlanToCloseAsync(BotContext ctx, Client client, WorkType workType, DateTime happenedUtc, CancellationToken ct)
    {
        var (_, dayEnd) = LocalCalendar.Day(LocalCalendar.Today(happenedUtc, ctx.Zone), ctx.Zone);
        var due = await ctx.Db.Touches
            .Where(a => a.ClientId == client.Id && a.Status == TouchStatus.Planned && a.PlannedFor < dayEnd)
            .ToListAsync(ct);
        return due.Where(a => a.WorkTypeId == workType.Id).MaxBy(a => a.PlannedFor) ?? (due.Count == 1 ? due[0] : null);
    }

    /// <summary>
    /// <paramref name="fact"/> and, when the client has no future contact, the next-step buttons
    /// (<paramref name="always"/>, or only when an open deal waits for one); otherwise it names the planned contact.
    /// </summary>
    public static async Task<Reply> NextStepAsync(BotContext ctx, Client client, WorkType workType, string fact, bool always, CancellationToken ct)
    {
        var reply = client.NextContactAt is { } planned && planned > ctx.Now
            ? new Reply(fact + "\n" + ctx.T.NextContactAlready(ctx.InWords(planned)), [[Button.Callback(ctx.T.CardButton, Card(client.Id))]])
            : always || await HasOpenDealAsync(ctx, client.Id, ct)
                ? new Reply(fact + "\n" + ctx.T.AskNextContact(client.Name), NextStep.Buttons(ctx, client.Id, workType.Id))
                : new Reply(fact, [[Button.Callback(ctx.T.CardButton, Card(client.Id))]]);
        return await ScenarioOffer.AfterTouchAsync(ctx, client.Id, reply, ct);
    }

    private static Task<bool> HasOpenDealAsync(BotContext ctx, long clientId, CancellationToken ct) =>
        ctx.Db.Deals.AnyAsync(d => d.ClientId == clientId && d.Status == DealStatus.Open, ct);

    public static string Card(long clientId) => string.Create(CultureInfo.InvariantCulture, $"card:{clientId}");

    /// <summary>The first words of the arguments: enough to name a client in a "not found" reply, never the whole note.</summary>
    public static string Query(string args)
    {
        var words = args.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
        var query = string.Join(' ', words.Take(3));
        return query.Length <= 60 ? query : query[..60] + "…";
    }
}
