using System.Globalization;
using System.Text.RegularExpressions;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Domain.Pay;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.Pay;

/// <summary>
/// /pay (heads and admins): without arguments the scheme in force this month in words, with a button per rule;
/// with one, a change of one rule — <c>base|оклад</c>, <c>percent|процент</c>, <c>product|товар &lt;name&gt; &lt;%&gt;</c>,
/// <c>segment|сегмент &lt;#name&gt; &lt;%&gt;</c>, <c>bonus|бонус</c>, <c>piece|сдельно &lt;work type&gt; &lt;amount&gt;</c>,
/// <c>tiers|ступени 0-80:3 80-100:5 100+:7</c> — optionally ending in <c>from|с &lt;month&gt;</c>.
/// </summary>
/// <remarks>
/// Every change saves a new version of the whole scheme, made from the version in force in the month it takes effect
/// (the current month by default), so the history is kept and a closed month is never paid by a later version:
/// a month already over is refused (<see cref="PaySchemes.CheckEffectiveFrom"/>). 0 or «нет»/"off" removes an
/// override, a piece rate or the tiers. Anything wrong — a negative or above-100 rate, tiers with gaps or overlaps, an
/// unknown product — is answered with every problem and saves nothing. A version already set for a later month stays
/// as it is (the reply says so when showing the scheme).
/// </remarks>
internal sealed partial class ChangePay(IOptions<CrmOptions> crm) : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "pay";

    private static readonly string[] Settings = ["base", "percent", "bonus", "product", "segment", "piece", "tiers"];

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["base"] = "base", ["оклад"] = "base", ["фикс"] = "base",
        ["percent"] = "percent", ["процент"] = "percent", ["%"] = "percent",
        ["bonus"] = "bonus", ["бонус"] = "bonus",
        ["product"] = "product", ["товар"] = "product", ["продукт"] = "product",
        ["segment"] = "segment", ["сегмент"] = "segment",
        ["piece"] = "piece", ["сдельно"] = "piece", ["сдельная"] = "piece",
        ["tiers"] = "tiers", ["tier"] = "tiers", ["ступени"] = "tiers", ["ступень"] = "tiers",
    };

    private static readonly HashSet<string> Off = new(StringComparer.OrdinalIgnoreCase) { "off", "none", "no", "нет", "убрать", "снять" };

    private static readonly HashSet<string> FromWords = new(StringComparer.OrdinalIgnoreCase) { "from", "since", "с", "c", "со" };

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var text = args.Trim();
        if (text.Length == 0)
        {
            await ShowAsync(ctx, DateOnly.FromDateTime(ctx.LocalNow), ct);
            return;
        }

        var today = DateOnly.FromDateTime(ctx.LocalNow);
        var effective = PaySchemes.EarliestEffectiveFrom(today);
        var (month, before) = MonthWords.TakeFromEnd(text, ctx.LocalNow);
        var beforeWords = ProcessArgs.Words(before);
        if (month is { } m && beforeWords.Length > 0 && FromWords.Contains(beforeWords[^1]))
        {
            effective = new DateOnly(m.Year, m.Month, 1);
            text = string.Join(' ', beforeWords[..^1]);
        }

        var words = ProcessArgs.Words(text);
        if (words.Length == 0)
        {
            // Only a month («/pay с 01.2027»): the scheme that will be in force then.
            await ShowAsync(ctx, effective, ct);
            return;
        }

        if (!Words.TryGetValue(words[0], out var setting))
        {
            ctx.Reply(ctx.T.PayUnknownSetting(words[0]));
            return;
        }

        var all = await PayStore.AllAsync(ctx.Db, ct);
        var current = PaySchemes.EffectiveFor(all, effective)?.Rules ?? new PayRules();
        var change = await ApplyAsync(ctx, current, setting, words[1..], ct);
        if (change.Error is { } error)
        {
            ctx.Reply(error + "\n" + ctx.T.PayNotSaved());
            return;
        }

        var rules = change.Rules!;
        var names = await PayNames.LoadAsync(ctx.Db, ct);
        var problems = PayScheme.Check(rules).ToList();
        if (PaySchemes.CheckEffectiveFrom(effective, today) is { } closed)
        {
            problems.Insert(0, closed);
        }

        if (problems.Count > 0)
        {
            ctx.Reply(string.Join('\n', problems.Select(p => ctx.T.PayProblemText(p, names.For(p.Rule, p.RefId)))) + "\n" + ctx.T.PayNotSaved());
            return;
        }

        var json = PayStore.Write(rules);
        ctx.Db.PaySchemes.Add(PaySchemeVersion.Create(effective, json, ctx.User.Id, ctx.Now));
        ctx.Audit.Record(AuditActions.PaySchemeChanged, $"{effective:yyyy-MM}: {text}", PayStore.Write(current), json);
        var scheme = PayScheme.Create(effective, rules);
        ctx.Reply(new Reply(ctx.T.PaySaved(effective) + "\n\n" + string.Join('\n', names.Describe(ctx.T, scheme, crm.Value.Currency)), Buttons(ctx.T)));
    }

    /// <summary>A rule's button: asks for its value and runs /pay with it.</summary>
    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        var setting = args.Count > 0 && Settings.Contains(args[0]) ? args[0] : "base";
        ctx.Ask("pay", setting + " {0}", new Reply(ctx.T.PayAskValue(setting)));
        return Task.CompletedTask;
    }

    private async Task ShowAsync(BotContext ctx, DateOnly month, CancellationToken ct)
    {
        var all = await PayStore.AllAsync(ctx.Db, ct);
        var scheme = PaySchemes.EffectiveFor(all, month);
        if (scheme is null && all.Count == 0)
        {
            ctx.Reply(new Reply(ctx.T.PayNoScheme(), Buttons(ctx.T)));
            return;
        }

        var names = await PayNames.LoadAsync(ctx.Db, ct);
        var lines = scheme is null ? [] : names.Describe(ctx.T, scheme, crm.Value.Currency).ToList();
        var later = all.Where(s => s.EffectiveFrom > PaySchemes.EarliestEffectiveFrom(month)).Select(s => s.EffectiveFrom).Distinct().Order();
        lines.AddRange(later.Select(ctx.T.PayLaterVersion));
        lines.Add("");
        lines.Add(ctx.T.PayHowToChange());
        ctx.Reply(new Reply(string.Join('\n', lines), Buttons(ctx.T)));
    }

    private static IReadOnlyList<IReadOnlyList<Button>> Buttons(Texts t) =>
        [.. Settings.Chunk(3).Select(row => (IReadOnlyList<Button>)[.. row.Select(s => Button.Callback(t.PayButton(s), $"{Prefix}:{s}"))])];

    private sealed record Change(PayRules? Rules, string? Error);

    private static async Task<Change> ApplyAsync(BotContext ctx, PayRules rules, string setting, string[] args, CancellationToken ct)
    {
        var t = ctx.T;
        if (args.Length == 0)
        {
            return new(null, t.PayAskValue(setting));
        }

        switch (setting)
        {
            case "base":
            case "percent":
            case "bonus":
            {
                var raw = string.Join(' ', args);
                if (Number(raw) is not { } value)
                {
                    return new(null, t.PayBadNumber(raw));
                }

                return new(setting switch
                {
                    "base" => rules with { BaseAmount = value },
                    "percent" => rules with { RevenuePercent = value },
                    _ => rules with { WonDealBonus = value },
                }, null);
            }

            case "tiers":
                return Tiers(t, rules, args);

            default:
            {
                if (args.Length < 2 || Number(args[^1]) is not { } value)
                {
                    return new(null, args.Length < 2 ? t.PayAskValue(setting) : t.PayBadNumber(args[^1]));
                }

                var name = string.Join(' ', args[..^1]);
                switch (setting)
                {
                    case "product":
                    {
                        var found = Find(await ctx.Db.Products.Select(p => new { p.Id, p.Name }).ToListAsync(ct), x => x.Name, name);
                        return found is null ? new(null, t.PayProductNotFound(name)) : new(rules with { ProductPercents = Set(rules.ProductPercents, found.Id, value) }, null);
                    }

                    case "segment":
                    {
                        var bare = name.TrimStart('#');
                        var found = Find(await ctx.Db.Segments.Select(s => new { s.Id, s.Name }).ToListAsync(ct), x => x.Name, bare);
                        return found is null ? new(null, t.SegmentNotFound(bare)) : new(rules with { SegmentPercents = Set(rules.SegmentPercents, found.Id, value) }, null);
                    }

                    default:
                    {
                        var types = await ctx.Db.WorkTypes.Select(w => new { w.Id, w.Name, w.Code }).ToListAsync(ct);
                        var found = types.FirstOrDefault(w => string.Equals(w.Code, name, StringComparison.OrdinalIgnoreCase))
                            ?? Find(types, x => x.Name, name);
                        return found is null ? new(null, t.PayWorkTypeNotFound(name)) : new(rules with { PieceRates = Set(rules.PieceRates, found.Id, value) }, null);
                    }
                }
            }
        }
    }

    private static Change Tiers(Texts t, PayRules rules, string[] args)
    {
        if (args.Length == 1 && Off.Contains(args[0]))
        {
            return new(rules with { Tiers = [] }, null);
        }

        var joined = SpacesAroundColon().Replace(string.Join(' ', args), ":");
        var tiers = new List<PayTier>();
        foreach (var token in joined.Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = TierPattern().Match(token);
            if (!match.Success || Number(match.Groups["from"].Value) is not { } from || Number(match.Groups["pct"].Value) is not { } pct)
            {
                return new(null, t.PayBadTiers(token));
            }

            decimal? to = null;
            if (match.Groups["to"].Success)
            {
                if (Number(match.Groups["to"].Value) is not { } upper)
                {
                    return new(null, t.PayBadTiers(token));
                }

                to = upper;
            }

            tiers.Add(new PayTier(from, to, pct));
        }

        return new(rules with { Tiers = tiers }, null);
    }

    private static IReadOnlyDictionary<long, decimal> Set(IReadOnlyDictionary<long, decimal> rates, long id, decimal value)
    {
        var copy = rates.ToDictionary();
        if (value == 0)
        {
            copy.Remove(id);
        }
        else
        {
            copy[id] = value;
        }

        return copy;
    }

    private static T? Find<T>(IReadOnlyList<T> items, Func<T, string> name, string query)
        where T : class
    {
        var key = NamedItem.Key(query);
        var exact = items.FirstOrDefault(i => NamedItem.Key(name(i)) == key);
        if (exact is not null)
        {
            return exact;
        }

        var partial = items.Where(i => NamedItem.Key(name(i)).Contains(key, StringComparison.Ordinal)).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }

    /// <summary>A number as typed: «5», «2,5», «-3», «30 000», «30к», «5%»; «нет»/"off" is 0. Signs are kept so the scheme can refuse them.</summary>
    internal static decimal? Number(string raw)
    {
        var s = raw.Trim().TrimEnd('%').Trim();
        if (Off.Contains(s))
        {
            return 0;
        }

        var negative = s.StartsWith('-') || s.StartsWith('−');
        if (negative)
        {
            s = s[1..].Trim();
        }

        var plain = s.Replace(" ", "", StringComparison.Ordinal).Replace('\u00A0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        decimal? value = decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : AmountParser.TryParse(s);
        return value is { } v ? (negative ? -v : v) : null;
    }

    [GeneratedRegex(@"\s*:\s*")]
    private static partial Regex SpacesAroundColon();

    [GeneratedRegex(@"^(?<from>-?\d+(?:[.,]\d+)?)(?:[-–—](?<to>-?\d+(?:[.,]\d+)?)|\+)%?:(?<pct>-?\d+(?:[.,]\d+)?)%?$")]
    private static partial Regex TierPattern();
}
