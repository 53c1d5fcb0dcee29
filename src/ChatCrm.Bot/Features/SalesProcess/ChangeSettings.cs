using System.Text;
using ChatCrm.Bot.Data;
using ChatCrm.Bot.Features.Shared;
using ChatCrm.Core.Domain.Audit;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Parsing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatCrm.Bot.Features.SalesProcess;

/// <summary>
/// /settings [what value]: the schedule times and the forgotten threshold in force, each with a button to
/// change it; <c>/settings morning 8:30</c> changes one directly, <c>… default</c> goes back to the configuration.
/// </summary>
internal sealed class ChangeSettings(IOptions<CrmOptions> crm, IOptions<ScheduleOptions> schedule) : ICommandHandler, ICallbackHandler
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["morning"] = CompanySettings.MorningPlanAt, ["plan"] = CompanySettings.MorningPlanAt,
        ["утро"] = CompanySettings.MorningPlanAt, ["утренний"] = CompanySettings.MorningPlanAt, ["план"] = CompanySettings.MorningPlanAt,
        ["daily"] = CompanySettings.DailyDigestAt, ["digest"] = CompanySettings.DailyDigestAt,
        ["дайджест"] = CompanySettings.DailyDigestAt, ["вечер"] = CompanySettings.DailyDigestAt, ["день"] = CompanySettings.DailyDigestAt,
        ["weekly"] = CompanySettings.WeeklyDigestAt, ["week"] = CompanySettings.WeeklyDigestAt,
        ["неделя"] = CompanySettings.WeeklyDigestAt, ["недельный"] = CompanySettings.WeeklyDigestAt,
        ["forgotten"] = CompanySettings.ForgottenAfterDays, ["забытые"] = CompanySettings.ForgottenAfterDays,
        ["забыт"] = CompanySettings.ForgottenAfterDays, ["забытый"] = CompanySettings.ForgottenAfterDays,
        ["pool"] = CompanySettings.PoolOpenToManagers, ["пул"] = CompanySettings.PoolOpenToManagers,
    };

    private static readonly string[] ResetWords = ["default", "reset", "сброс", "сбросить", "поумолчанию"];

    private CompanySettings Settings => new(crm, schedule);

    public async Task HandleAsync(BotContext ctx, string args, CancellationToken ct)
    {
        var (word, value) = ProcessArgs.Verb(args);
        if (word.Length == 0)
        {
            await ShowAsync(ctx, ct);
            return;
        }

        var key = Aliases.GetValueOrDefault(word) ?? CompanySettings.Keys.FirstOrDefault(k => k.Equals(word, StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            ctx.Reply(new Reply(ctx.T.SettingUnknown(word), Buttons(ctx)));
            return;
        }

        if (value.Length == 0)
        {
            Ask(ctx, key);
            return;
        }

        var row = await ctx.Db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        var before = row?.Value ?? Settings.Default(key);
        if (ResetWords.Contains(value.Replace(" ", "", StringComparison.Ordinal), StringComparer.OrdinalIgnoreCase))
        {
            if (row is not null)
            {
                ctx.Db.Settings.Remove(row);
            }

            Changed(ctx, key, before, Settings.Default(key));
            return;
        }

        if (CompanySettings.Normalise(key, value) is not { } normalised)
        {
            ctx.Reply(ctx.T.SettingInvalid(ctx.T.SettingLabel(key), value, Example(key)));
            return;
        }

        if (row is null)
        {
            ctx.Db.Settings.Add(Setting.Create(key, normalised, ctx.User.Id, ctx.Now));
        }
        else
        {
            row.Change(normalised, ctx.User.Id, ctx.Now);
        }

        Changed(ctx, key, before, normalised);
    }

    public Task HandleAsync(BotContext ctx, IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 1 && int.TryParse(args[0], out var i) && i >= 0 && i < CompanySettings.Keys.Count)
        {
            Ask(ctx, CompanySettings.Keys[i]);
        }
        else
        {
            ctx.CallbackToast = ctx.T.StaleButton();
        }

        return Task.CompletedTask;
    }

    private async Task ShowAsync(BotContext ctx, CancellationToken ct)
    {
        var text = new StringBuilder(ctx.T.SettingsTitle());
        foreach (var (key, value, isDefault) in await Settings.GetAllAsync(ctx.Db, ct))
        {
            text.Append('\n').Append(ctx.T.SettingLine(ctx.T.SettingLabel(key), Display(ctx, key, value), isDefault));
        }

        text.Append("\n\n").Append(ctx.T.SettingsFooter());
        ctx.Reply(new Reply(text.ToString(), Buttons(ctx)));
    }

    private static List<IReadOnlyList<Button>> Buttons(BotContext ctx) =>
        [.. CompanySettings.Keys.Select((k, i) => (IReadOnlyList<Button>)[Button.Callback("✏️ " + ctx.T.SettingLabel(k), $"set:{i}")])];

    private static void Ask(BotContext ctx, string key)
    {
        if (key == CompanySettings.PoolOpenToManagers)
        {
            ctx.AskChoice("settings", AliasOf(key) + " {0}", ctx.T.PoolSettingAsk(ctx.T.SettingLabel(key)),
                [(ctx.T.OnOff(true), "on"), (ctx.T.OnOff(false), "off")]);
            return;
        }

        ctx.Ask("settings", AliasOf(key), ctx.T.SettingAsk(ctx.T.SettingLabel(key), Example(key)));
    }

    private static void Changed(BotContext ctx, string key, string before, string after)
    {
        ctx.Audit.Record(AuditActions.SettingChanged, key, before, after);
        ctx.Reply(ctx.T.SettingChanged(ctx.T.SettingLabel(key), Display(ctx, key, before), Display(ctx, key, after)));
    }

    private static string AliasOf(string key) => Aliases.First(a => a.Value == key && a.Key.All(char.IsAsciiLetterLower)).Key;

    private static string Example(string key) => key switch
    {
        CompanySettings.WeeklyDigestAt => "Mon 09:30",
        CompanySettings.ForgottenAfterDays => "10",
        CompanySettings.PoolOpenToManagers => "on",
        _ => "08:30",
    };

    /// <summary>"Mon 09:30" reads «пн 09:30» in Russian; the stored form stays the configuration's.</summary>
    private static string Display(BotContext ctx, string key, string value) =>
        key == CompanySettings.PoolOpenToManagers ? ctx.T.OnOff(value == "on")
        : key == CompanySettings.WeeklyDigestAt && CompanySettings.SplitWeekly(value) is { } w
            ? $"{ctx.T.Culture.DateTimeFormat.GetAbbreviatedDayName(w.Day)} {w.Time}"
            : value;
}
