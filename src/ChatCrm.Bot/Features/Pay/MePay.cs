using System.Text;
using ChatCrm.Bot.Features.Shared;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>
/// The pay part of /me: what the user has earned this month so far under the scheme in force, line by line, the
/// tier reached and what it takes to reach the next one. Nothing when no scheme is in force this month.
/// </summary>
internal static class MePay
{
    public static async Task AppendAsync(BotContext ctx, DateOnly today, string currency, StringBuilder text, CancellationToken ct)
    {
        var schemes = await PayStore.AllAsync(ctx.Db, ct);
        if (await MonthPay.ForAsync(ctx.Db, schemes, ctx.User.Id, today, ctx.Zone, ct) is not { } slip)
        {
            return;
        }

        var names = await PayNames.LoadAsync(ctx.Db, ct);
        text.Append("\n\n").Append(ctx.T.MePayHeader(ctx.T.Money(slip.Total, currency)));
        foreach (var line in slip.Lines)
        {
            text.Append('\n').Append(ctx.T.PayslipLine(line, names.For(line.Kind, line.RefId), currency));
        }

        if (slip.Attainment is { } attainment && slip.Tier is { } tier)
        {
            text.Append('\n').Append(ctx.T.MePayAttainment(attainment, tier.Percent));
        }

        if (slip.Next is { } next)
        {
            text.Append('\n').Append(ctx.T.MePayNext(next, ctx.T.Money(next.RevenueNeeded, currency)));
        }
    }
}
