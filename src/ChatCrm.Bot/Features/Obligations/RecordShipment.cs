using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Bot.Features.Obligations;

/// <summary>
/// /shipped &lt;deal&gt; [at &lt;when&gt;] [note]: goods went out (now unless dated); it settles the earliest expected
/// shipment. /shipped &lt;deal&gt; ship &lt;when&gt; [note] instead sets the date the goods are expected to go out by. A
/// keyword not followed by a date is taken as part of the note: the note is the manager's words, kept as written.
/// </summary>
internal sealed class RecordShipment : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (await DealFinder.RequireAsync(ctx, "shipped", args, t => t.DealAskNumber("shipped"), ct) is not { Deal: var deal } found)
        {
            return;
        }

        var expected = DealArgs.ReadDate(found.Rest, DealArgs.ShipWords, ctx.Now, ctx.Zone);
        if (expected.When is { } shipBy)
        {
            var promise = Obligation.ExpectShipment(deal, shipBy.Utc, ctx.User.Id, ctx.Now, expected.Rest.Length == 0 ? null : expected.Rest);
            await ObligationSteps.AddAndSaveAsync(ctx, deal, promise, ctx.T.UndoShipmentExpected(deal.Id), ct);
            ctx.Reply(ctx.T.ShipmentExpected(deal.Id, deal.Title, ObligationSteps.Describe(ctx, shipBy)));
            return;
        }

        var read = DealArgs.ReadDate(found.Rest, DealArgs.AtWords, ctx.Now, ctx.Zone, WhenDirection.Past);
        var note = read.Rest.Length == 0 ? null : read.Rest;
        var shipment = Obligation.RecordShipment(deal, read.When?.Utc ?? ctx.Now, ctx.User.Id, ctx.Now, note);
        var owed = await ObligationSteps.AddAndSaveAsync(ctx, deal, shipment, ctx.T.UndoShipment(deal.Id), ct);
        ctx.Reply(ctx.T.ShipmentRecorded(deal.Id, deal.Title, ObligationSteps.Describe(ctx, read.When), note, owed, deal.Currency));
    }
}
