using System.Globalization;
using System.Text;
using ChatCrm.Bot.Features;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Team;

/// <summary>/target &lt;manager&gt; &lt;amount&gt; [month]: the month's sales target (this month by default); without arguments, this month's targets.</summary>
internal sealed class SetTarget(IOptions<CrmOptions> crm) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        if (args.Trim().Length == 0)
        {
            await ListAsync(ctx, ct);
            return;
        }

        var people = await Colleagues.ActiveAsync(ctx, ct);
        var (manager, rest) = Colleagues.FindAtStart(people, args);
        if (manager is null)
        {
            var words = ProcessArgs.Words(args);
            var managers = people.Where(p => p.Role == Core.Domain.Users.Role.Manager && p.DepartmentId == null).ToList();
            Colleagues.AskWhich(ctx, "target", $"{{0}} {string.Join(' ', words[1..])}", ctx.T.ManagerNotFound(words[0]),
                managers.Count > 0 ? managers : people, words[0]);
            return;
        }

        var (month, amountText) = MonthWords.TakeFromEnd(rest, ctx.LocalNow);
        if (AmountParser.TryParse(amountText) is not { } amount)
        {
            ctx.Reply(ctx.T.HowToUse("target"));
            return;
        }

        var key = Target.MonthOf(month ?? ctx.LocalNow);
        var target = await ctx.Db.Targets.FirstOrDefaultAsync(t => t.UserId == manager.Id && t.Month == key, ct);
        var before = target?.Amount;
        if (target is null)
        {
            ctx.Db.Targets.Add(Target.Create(manager.Id, key, amount));
        }
        else
        {
            target.SetAmount(amount);
        }

        var currency = crm.Value.Currency;
        ctx.Audit.Record(AuditActions.TargetSet, $"{manager.DisplayName} {key:yyyy-MM}", before?.ToString(CultureInfo.InvariantCulture), amount.ToString(CultureInfo.InvariantCulture));
        ctx.Reply(new Reply(ctx.T.TargetSet(manager.DisplayName, key, ctx.T.Money(amount, currency), before is { } b ? ctx.T.Money(b, currency) : ""),
            [[Button.Callback(ctx.T.TeamButton, CommandTable.Run("team"))]]));
    }

    private async Task ListAsync(BotContext ctx, CancellationToken ct)
    {
        var month = Target.MonthOf(ctx.LocalNow);
        var targets = await ctx.Db.Targets.Where(t => t.Month == month)
            .Join(ctx.Db.Users, t => t.UserId, u => u.Id, (t, u) => new { u.DisplayName, t.Amount })
            .OrderBy(x => x.DisplayName).ToListAsync(ct);
        var text = new StringBuilder(ctx.T.TargetsHeader(month, targets.Count));
        foreach (var t in targets)
        {
            text.Append('\n').Append(ctx.T.TargetLine(t.DisplayName, ctx.T.Money(t.Amount, crm.Value.Currency)));
        }

        text.Append("\n\n").Append(ctx.T.HowToWrite("target"));
        ctx.Reply(text.ToString());
    }
}
