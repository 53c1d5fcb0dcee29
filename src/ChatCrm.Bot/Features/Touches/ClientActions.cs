using System.Globalization;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Bot.Features.Touches;

/// <summary>
/// The next-action buttons under a card, a new client and a forgotten client: <c>ca:&lt;action&gt;:&lt;client&gt;</c> —
/// log a call (asks for the note), log it now without one, plan a contact, snooze (a call tomorrow), open a deal.
/// </summary>
internal sealed class ClientActions : ICallbackHandler
{
    public const string Prefix = "ca";
    public const string LogCall = "c";
    public const string LogNow = "n";
    public const string Plan = "p";
    public const string Snooze = "z";
    public const string NewDeal = "d";

    public static string Data(string action, long clientId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{action}:{clientId}");

    /// <summary>The usual row under a client: log a call, plan; a new deal once /deal exists.</summary>
    public static IReadOnlyList<Button> Row(BotContext ctx, long clientId)
    {
        List<Button> row = [Button.Callback(ctx.T.LogCallButton, Data(LogCall, clientId)), Button.Callback(ctx.T.PlanButton, Data(Plan, clientId))];
        if (CommandTable.Find("deal") is not null)
        {
            row.Add(Button.Callback(ctx.T.NewDealButton, Data(NewDeal, clientId)));
        }

        return row;
    }

    public async Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var client = args.Count == 2 && long.TryParse(args[1], CultureInfo.InvariantCulture, out var id)
            ? await ctx.VisibleClients().FirstOrDefaultAsync(c => c.Id == id, ct)
            : null;
        var call = await WorkTypeLookup.DefaultAsync(ctx, ct);
        if (client is null || call is null)
        {
            ctx.CallbackToast = ctx.T.StaleButton();
            return;
        }

        var byId = $"#c{client.Id.ToString(CultureInfo.InvariantCulture)}";
        switch (args[0])
        {
            case LogCall:
                ctx.Ask("call", byId, new Reply(ctx.T.AskTouchNote(call.Name, client.Name),
                    [[Button.Callback(ctx.T.WithoutNoteButton, Data(LogNow, client.Id))]]));
                break;
            case LogNow:
                ctx.User.EndDialog();
                await TouchLogging.LogAndSaveAsync(ctx, client, call, new TouchArguments("", null, "", null), ct);
                break;
            case Plan:
                ctx.Reply(new Reply(ctx.T.AskWhen(client.Name), NextStep.Buttons(ctx, client.Id, call.Id, withNone: false)));
                break;
            case Snooze:
                var planned = await PlanContact.PlanAndSaveAsync(ctx, client, call, TouchTimes.QuickUtc(QuickWhen.Tomorrow, ctx.Now, ctx.Zone), null, ct);
                ctx.Reply(PlanContact.Planned(ctx, client, call, planned));
                break;
            case NewDeal when CommandTable.Find("deal") is not null:
                ctx.Ask("deal", byId, ctx.T.AskDeal(client.Name));
                break;
            default:
                ctx.CallbackToast = ctx.T.StaleButton();
                break;
        }
    }
}
