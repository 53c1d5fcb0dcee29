using System.Text;
using ChatCrm.Core.Domain.Crm;
using ChatCrm.Core.Messages;
using ChatCrm.Core.Time;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>
/// Turns digest figures into message pages: exceptions first, then the team and (weekly) the comparison with
/// the previous week, then one line per manager. Every page stays under Telegram's 4096 characters however
/// large the team: manager lines flow onto further pages, reached with buttons.
/// </summary>
public static class DigestComposer
{
    public const int Budget = 3800;
    private const int SilentNamesShown = 15;

    public static IReadOnlyList<string> Pages(Texts t, DigestData d, TimeZoneInfo zone)
    {
        var from = TimeZones.ToLocal(d.FromUtc, zone);
        var header = d.Kind switch
        {
            DigestKind.Daily => t.DigestDaily(from),
            DigestKind.Monthly => t.DigestMonthly(from, TimeZones.ToLocal(d.ToUtc.AddTicks(-1), zone)),
            _ => t.DigestWeekly(from, TimeZones.ToLocal(d.ToUtc.AddTicks(-1), zone)),
        };
        var first = new StringBuilder(header);
        AppendExceptions(first, t, d);
        first.Append("\n\n").Append(t.DigestTeam(d.Totals.Touches, d.TeamPlanned, d.Totals.NewDeals, d.Totals.Won, d.Totals.WonSum, d.Totals.Lost, d.Totals.Paid));
        if (d.Weekly is { } w)
        {
            AppendWeek(first, t, d.Totals, w, d.Kind == DigestKind.Monthly ? t.MonthVsPrevious : t.WeekVsPrevious);
        }

        if (d.Skips.Count > 0)
        {
            first.Append("\n\n").Append(t.DigestSkipsHeader);
            foreach (var skip in d.Skips)
            {
                first.Append('\n').Append(t.DigestSkipLine(skip.DealId, skip.Title, BuiltInNames.Show(skip.Stage, t.Language),
                    string.Join(", ", skip.Steps.Split(", ").Select(step => BuiltInNames.Show(step, t.Language))), skip.Who));
            }
        }

        AppendHolders(first, t, d);
        if (d.Managers.Count == 0)
        {
            return [first.Append("\n\n").Append(t.DigestNoManagers()).ToString()];
        }

        var lines = d.Managers.Select(m => t.DigestManagerLine(m.Name, m.Done, m.Planned, m.NewDeals, m.Moves, m.Won, m.WonSum,
            m.Lost, string.Join(", ", m.LostReasons.Select(r => r.Count > 1 ? $"{r.Reason} ×{r.Count}" : r.Reason)), m.Paid, m.Forgotten, m.Overdue)
            + NormsOf(t, d, m.UserId)).ToList();
        var chunks = new List<List<string>>();
        var room = Budget - first.Length - 64;
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (current.Count > 0 && current.Sum(l => l.Length + 1) + line.Length > room)
            {
                chunks.Add(current);
                current = [];
                room = Budget - header.Length - 64;
            }

            current.Add(line);
        }

        chunks.Add(current);
        return chunks.Select((chunk, i) =>
        {
            var page = i == 0 ? first : new StringBuilder(header);
            page.Append("\n\n").Append(t.DigestManagers(i + 1, chunks.Count));
            chunk.ForEach(l => page.Append('\n').Append(l));
            return page.ToString();
        }).ToList();
    }

    private static void AppendExceptions(StringBuilder text, Texts t, DigestData d)
    {
        text.Append("\n\n").Append(t.DigestExceptions);
        var silent = d.Managers.Where(m => m.Done == 0).Select(m => m.Name).ToList();
        if (silent.Count > 0)
        {
            var names = string.Join(", ", silent.Take(SilentNamesShown)) + (silent.Count > SilentNamesShown ? $" +{silent.Count - SilentNamesShown}" : "");
            text.Append('\n').Append(t.DigestSilent(names));
        }

        foreach (var lost in d.Lost)
        {
            text.Append('\n').Append(t.DigestLostLine((int)lost.Id, lost.Title, lost.Manager, lost.Amount, lost.Reason));
        }

        foreach (var rot in d.Rotting)
        {
            var days = (int)(d.NowUtc - rot.StageEnteredAt).TotalDays;
            text.Append('\n').Append(rot.Holder is { } holder
                ? t.DigestRottingHeldLine((int)rot.Id, rot.Title, rot.Manager, rot.Amount, BuiltInNames.Show(rot.Stage, t.Language), holder, days, rot.Allowed)
                : t.DigestRottingLine((int)rot.Id, rot.Title, rot.Manager, rot.Amount, rot.Stage, days));
        }

        if (silent.Count == 0 && d.Lost.Count == 0 && d.Rotting.Count == 0)
        {
            text.Append('\n').Append(t.DigestNoExceptions);
        }
    }

    /// <summary>Who holds how many deals at the stages they own, and how long; nothing when no stage task is open.</summary>
    private static void AppendHolders(StringBuilder text, Texts t, DigestData d)
    {
        if (d.Holders is not { Count: > 0 } holders)
        {
            return;
        }

        text.Append("\n\n").Append(t.DigestHolders);
        foreach (var h in holders.Take(12))
        {
            text.Append('\n').Append(t.DigestHolderLine(h.Name, h.Open, h.OldestDays, h.AverageDays));
        }
    }

    private static void AppendWeek(StringBuilder text, Texts t, PeriodTotals now, WeeklyFigures w, string heading)
    {
        var before = w.Previous;
        text.Append("\n\n").Append(heading)
            .Append('\n').Append(t.WeekTouches(now.Touches, before.Touches))
            .Append('\n').Append(t.WeekNewDeals(now.NewDeals, before.NewDeals))
            .Append('\n').Append(t.WeekWon(now.Won, now.WonSum, before.Won, before.WonSum))
            .Append('\n').Append(t.WeekLost(now.Lost, before.Lost))
            .Append('\n').Append(t.WeekWinRate(now.WinRate, before.WinRate))
            .Append('\n').Append(t.WeekDuration(now.AverageDealDays, before.AverageDealDays))
            .Append('\n').Append(t.WeekPaid(now.Paid, before.Paid));
        if (w.Conversion.Count > 0)
        {
            text.Append("\n\n").Append(t.WeekConversion);
            foreach (var c in w.Conversion.Take(12))
            {
                text.Append('\n').Append(t.WeekConversionLine(c.Stage, c.Exits, c.Forward));
            }
        }

        text.Append("\n\n").Append(t.WeekForecast(w.WeightedForecast, w.Target))
            .Append('\n').Append(t.WeekReceivables(w.Receivables, w.OverdueInvoices, w.OverdueAmount));
    }

    /// <summary>Under a manager's line, each normed work type against its own norm; nothing when none is set.</summary>
    private static string NormsOf(Texts t, DigestData d, long userId) =>
        d.Norms.GetValueOrDefault(userId) is { Count: > 0 } norms
            ? "\n" + t.DigestNorms + " " + Texts.NormFigures(norms.Select(n => t.NormFigure(n.Code, BuiltInNames.Show(n.WorkType, t.Language), n.Done, n.Expected)))
            : "";
}
