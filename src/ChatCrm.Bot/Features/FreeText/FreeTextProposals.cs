using System.Globalization;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Bot.Features.Touches;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Users;
using ChatCrm.Core.Matching;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using ChatCrm.Core.Time;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.FreeText;

/// <summary>
/// A message typed without a command — «Позвонил в Ромашку, договорились о демо в пятницу в 11» — read by
/// <see cref="FreeTextReader"/> and proposed as the commands that would do it, with ✅ (do them all), ✏️ (copy one to
/// correct it, or run one) and cancel. Nothing is written until a tap, and a tap runs the very commands a manager could
/// type, so their rules, replies, /undo and audit are the same. The proposal waits in the user's dialog (its args name
/// the commands; the buttons carry only a stamp), so a newer message, a command or fifteen minutes make it stale.
/// </summary>
public static class FreeTextProposals
{
    /// <summary>The dialog a proposal waits in. It names no command: a line typed while it waits is read afresh.</summary>
    public const string DialogName = "freetext";

    public const string Prefix = "ft";

    /// <summary>The user's dialog args column holds at most this much; a longer proposal is offered to copy only.</summary>
    private const int MaxStored = 1024;

    private const int MaxClientLookups = 8;
    private const int MaxNoteShown = 200;

    /// <summary>Proposes the actions <paramref name="text"/> reads as; false when it reads as none (the caller answers as before).</summary>
    public static async Task<bool> TryProposeAsync(BotContext ctx, string text, CancellationToken ct)
    {
        var reading = FreeTextReader.Read(text, ctx.Now, ctx.Zone);
        if (!reading.HasActions || !ctx.User.Role.Includes(Role.Manager))
        {
            return false;
        }

        var found = new Dictionary<FreeTextClientText, ClientLookup>();
        foreach (var candidate in reading.ClientTexts.Distinct().Take(MaxClientLookups))
        {
            found[candidate] = await ClientFinder.FindAsync(ctx, candidate.Text, ct);
        }

        var client = reading.PickClient(c => found.TryGetValue(c, out var lookup)
            ? (new ClientMatch(lookup.Kind, [.. lookup.Options.Select(o => o.Id)], lookup.Rest), id => lookup.Options.First(o => o.Id == id).Name)
            : (new ClientMatch(ClientMatchKind.NotFound, [], c.Text), _ => ""));
        var russian = ctx.T.Language == Language.Ru;
        var workTypes = await ctx.Db.WorkTypes.Where(w => !w.IsRetired).ToListAsync(ct);

        if (client is null)
        {
            var placeholder = ctx.T.FreeTextClientPlaceholder;
            var toWrite = reading.Commands(placeholder, reading.Note, russian);
            ctx.Reply(new Reply(string.Join('\n',
                [ctx.T.FreeTextHeading, .. Lines(ctx, toWrite, placeholder, workTypes), "", ctx.T.FreeTextNoClient, .. toWrite.Select(c => Code(c.Text))])));
            return true;
        }

        var copies = reading.Commands(client.Name, client.Note, russian);
        var runs = reading.Commands(client.Reference, client.Note, russian);
        var proposal = new Proposal(ctx.UpdateId.ToString(CultureInfo.InvariantCulture),
            [.. runs.Zip(copies, (run, copy) => new ProposedCommand(run.Text, copy.Text, RunsFirst(ctx, run)))]);
        var lines = Lines(ctx, copies, client.Name, workTypes);
        if (proposal.Write() is { Length: > MaxStored })
        {
            ctx.Reply(new Reply(string.Join('\n', [ctx.T.FreeTextHeading, .. lines, "", .. proposal.Commands.Select(c => Code(c.Copy))])));
            return true;
        }

        ctx.User.StartDialog(DialogName, proposal.Write(), ctx.Now + Dialogs.Lifetime);
        ctx.Reply(new Reply(string.Join('\n', [ctx.T.FreeTextHeading, .. lines]),
        [
            [Button.Callback(ctx.T.FreeTextDoButton, proposal.Data("ok")), Button.Callback(ctx.T.FreeTextEditButton, proposal.Data("ed"))],
            [Button.Callback(ctx.T.CancelButton, proposal.Data("no"))],
        ]));
        return true;
    }

    /// <summary>
    /// A plan for a later day runs before the touches, so the logged touch says the next contact is planned instead of
    /// asking for one; a plan for today runs after them, since a touch would close it as done.
    /// </summary>
    private static bool RunsFirst(BotContext ctx, FreeTextCommand command)
    {
        var today = LocalCalendar.Today(ctx.Now, ctx.Zone);
        return command.Actions.Count > 0 && command.Actions.All(a => a.Kind == FreeTextActionKind.Plan
            && a.When is { } when && DateOnly.FromDateTime(when.LocalDateTime) > today);
    }

    /// <summary>A command to copy: Telegram copies a <c>code</c> span with one tap.</summary>
    public static string Code(string command) => $"<code>{Html.Escape(command)}</code>";

    /// <summary>One line per action, in the user's words: the work type's name, the client, the note or the moment.</summary>
    private static IEnumerable<string> Lines(BotContext ctx, IReadOnlyList<FreeTextCommand> commands, string client, List<WorkType> workTypes)
    {
        var first = true;
        foreach (var command in commands)
        {
            foreach (var action in command.Actions)
            {
                var type = workTypes.FirstOrDefault(w => w.Code == action.WorkType) is { } known ? ctx.Shown(known.Name) : action.WorkType;
                if (action.Kind == FreeTextActionKind.Log)
                {
                    yield return ctx.T.FreeTextTouchLine(type, client, first ? Shown(command.Note) : "");
                    first = false;
                }
                else
                {
                    yield return ctx.T.FreeTextPlanLine(type, client,
                        action.When is { } when ? ctx.InWords(TouchTimes.PlannedUtc(when, ctx.Zone)) : "");
                }
            }
        }
    }

    private static string Shown(string note) => note.Length <= MaxNoteShown ? note : note[..MaxNoteShown] + "…";
}

/// <summary>
/// One proposed command: as it runs (the client by id) and as the user may copy it (the client by name);
/// <paramref name="RunsFirst"/> when ✅ runs it before the others.
/// </summary>
public sealed record ProposedCommand(string Run, string Copy, bool RunsFirst = false);

/// <summary>A proposal as it waits in the user's dialog: a stamp (the update that made it) and its commands.</summary>
public sealed record Proposal(string Stamp, IReadOnlyList<ProposedCommand> Commands)
{
    public string Write() => string.Join('\n', Commands.Select(c => c.Run + "\t" + c.Copy + (c.RunsFirst ? "\t1" : "")).Prepend(Stamp));

    /// <summary>The proposal waiting for this user's tap, or null when it expired or another question replaced it.</summary>
    public static Proposal? Pending(BotContext ctx)
    {
        if (ctx.User.ActiveDialog(ctx.Now) is not { Command: FreeTextProposals.DialogName } dialog)
        {
            return null;
        }

        var lines = dialog.Args.Split('\n');
        return new Proposal(lines[0], [.. lines.Skip(1).Select(l => l.Split('\t', 3)).Where(p => p.Length >= 2).Select(p => new ProposedCommand(p[0], p[1], p is [_, _, "1"]))]);
    }

    public string Data(string verb, int? index = null) =>
        $"{FreeTextProposals.Prefix}:{verb}:{Stamp}" + (index is { } i ? ":" + i.ToString(CultureInfo.InvariantCulture) : "");
}
