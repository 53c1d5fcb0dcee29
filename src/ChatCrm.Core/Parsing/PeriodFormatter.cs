using System.Globalization;
using ChatCrm.Core.Domain.Users;

namespace ChatCrm.Core.Parsing;

/// <summary>Names a report period in the user's language, so a misread period is visible in the report's title.</summary>
public static class PeriodFormatter
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] RomanQuarters = ["I", "II", "III", "IV"];

    /// <summary>
    /// «15 ноября 2026», «неделя 9–15 ноября 2026», «ноябрь 2026», «IV квартал 2026», «2026 год»,
    /// «1 января – 15 ноября 2026 (с начала года)», «1 октября – 31 декабря 2026»; in English
    /// "15 Nov 2026", "week 9–15 Nov 2026", "November 2026", "Q4 2026", "2026", "1 Jan – 15 Nov 2026 (year to date)",
    /// "1 Oct – 31 Dec 2026". The year is always written: reports are read long after they are made.
    /// </summary>
    public static string Describe(ReportPeriod period, Language language)
    {
        ArgumentNullException.ThrowIfNull(period);
        var russian = language == Language.Ru;
        var year = period.First.Year.ToString(CultureInfo.InvariantCulture);
        return period.Kind switch
        {
            PeriodKind.Day => Span(period.First, period.First, russian),
            PeriodKind.Week => (russian ? "неделя " : "week ") + Span(period.First, period.Last, russian),
            PeriodKind.Month => $"{MonthName(period.First.Month, russian)} {year}",
            PeriodKind.Quarter => russian ? $"{RomanQuarters[period.Quarter - 1]} квартал {year}" : $"Q{period.Quarter} {year}",
            PeriodKind.Year => russian ? $"{year} год" : year,
            PeriodKind.YearToDate => Span(period.First, period.Last, russian) + (russian ? " (с начала года)" : " (year to date)"),
            _ => Span(period.First, period.Last, russian),
        };
    }

    /// <summary>«1–15 ноября 2026», «30 ноября – 6 декабря 2026», «1 декабря 2025 – 31 января 2026».</summary>
    private static string Span(DateOnly first, DateOnly last, bool russian)
    {
        var lastText = DayMonth(last, russian) + " " + last.Year.ToString(CultureInfo.InvariantCulture);
        if (first == last)
        {
            return lastText;
        }

        if (first.Year == last.Year && first.Month == last.Month)
        {
            return first.Day.ToString(CultureInfo.InvariantCulture) + "–" + lastText;
        }

        var firstText = first.Year == last.Year
            ? DayMonth(first, russian)
            : DayMonth(first, russian) + " " + first.Year.ToString(CultureInfo.InvariantCulture);
        return $"{firstText} – {lastText}";
    }

    private static string DayMonth(DateOnly day, bool russian)
    {
        var names = (russian ? Russian : English).DateTimeFormat;
        var month = russian
            ? names.MonthGenitiveNames[day.Month - 1].ToLower(Russian)
            : names.AbbreviatedMonthNames[day.Month - 1].TrimEnd('.');
        return day.Day.ToString(CultureInfo.InvariantCulture) + " " + month;
    }

    private static string MonthName(int month, bool russian)
    {
        var name = (russian ? Russian : English).DateTimeFormat.MonthNames[month - 1];
        return russian ? name.ToLower(Russian) : name;
    }
}
