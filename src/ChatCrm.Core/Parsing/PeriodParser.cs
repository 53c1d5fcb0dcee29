using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// Reads the period of a report in Russian or English, relative to the user's local "today".
/// </summary>
/// <remarks>
/// <para><b>Words.</b> «сегодня»/"today", «вчера»/"yesterday"; «неделя», «месяц», «квартал», «год» and
/// "week", "month", "quarter", "year" — the current one — with «этот/текущий»/"this/current",
/// «прошлый/предыдущий»/"last/previous" or «следующий»/"next" in any gender and case («на прошлой неделе»,
/// «в прошлом месяце», «за прошлый год»); year to date: "ytd", "year to date", «с начала года».
/// A leading «за», «в», «на», «период», "for", "in", "the", "period" is skipped.</para>
/// <para><b>Named periods.</b> A month by name or number: «ноябрь», «ноября», "november", "nov", «ноябрь 2025»,
/// «в ноябре 2025 года», «11.2026», «11/2026», "2026-11". A quarter: "q3", "Q3 2026", «3 квартал», «3-й кв. 2026»,
/// «IV квартал». A year: «2025», «2025 год». A day: «15.11», «15.11.2026», "2026-11-15".</para>
/// <para><b>Ranges.</b> «01.10–31.12», «01.10-31.12», «1.10.2026 - 15.11.2026», «с 01.10 по 31.12»,
/// "from 1.10 to 31.12"; a hyphen or any dash; both ends inclusive.</para>
/// <para><b>Decisions.</b></para>
/// <list type="bullet">
/// <item>Weeks start on Monday. «Неделя», «месяц», «квартал», «год» are whole calendar periods, future days
/// included; year to date ends today.</item>
/// <item>A month, quarter or day without a year is the most recent one not in the future: «ноябрь» said in
/// October 2026 is November 2025, said in November 2026 it is this November.</item>
/// <item>In a range, a start without a year is the most recent such day not in the future (as above), or, when
/// only the end has a year, the latest such day on or before the end. An end without a year is the first such
/// day on or after the start, so «01.12–31.01» crosses New Year. A range whose ends fall in the same month the
/// wrong way round («15.11–10.11»), or with both years written and the end first, is
/// <see cref="PeriodProblem.ReversedRange"/>; the period is echoed back in words so any other slip shows.</item>
/// <item>Years are 2000–2100; two digits in a date mean 20xx. «29.02» without a year is the most recent
/// 29 February, and in a range it must exist in the year it lands in.</item>
/// <item>Month names come from <see cref="WhenVocabulary.Months"/> (read-only) plus the prepositional forms
/// («в ноябре») kept here until that table has them.</item>
/// </list>
/// </remarks>
public static partial class PeriodParser
{
    private const int MinYear = 2000;
    private const int MaxYear = 2100;

    // «за период с 01.10.2026 по 31.12.2026» and "for the period from 1.10 to 31.12" are the longest phrases.
    private const int MaxPhraseWords = 8;

    private const string DateA =
        @"(?<a>(?<ay>\d{4})-(?<am>\d{1,2})-(?<ad>\d{1,2})|(?<ad>\d{1,2})[./](?<am>\d{1,2})(?:[./](?<ay>\d{4}|\d{2}))?)";

    private const string DateB =
        @"(?<b>(?<by>\d{4})-(?<bm>\d{1,2})-(?<bd>\d{1,2})|(?<bd>\d{1,2})[./](?<bm>\d{1,2})(?:[./](?<by>\d{4}|\d{2}))?)";

    private const string QuarterWord = "(?:квартал|квартала|квартале|кв|quarter|qtr)";
    private const string YearSuffix = @"(?:\s(?:год|года|году|г|year))?";

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "за", "в", "во", "на", "период", "for", "in", "the", "over", "during", "period",
    };

    private static readonly HashSet<string> ThisWords = new(StringComparer.Ordinal)
    {
        "этот", "эта", "эту", "это", "этом", "этой", "этого", "текущий", "текущая", "текущую", "текущем", "текущей",
        "текущего", "this", "current",
    };

    private static readonly HashSet<string> LastWords = new(StringComparer.Ordinal)
    {
        "прошлый", "прошлая", "прошлую", "прошлое", "прошлом", "прошлой", "прошлого", "предыдущий", "предыдущая",
        "предыдущую", "предыдущем", "предыдущей", "предыдущего", "пред", "last", "previous", "prev",
    };

    private static readonly HashSet<string> NextWords = new(StringComparer.Ordinal)
    {
        "следующий", "следующая", "следующую", "следующем", "следующей", "следующего", "след", "next",
    };

    private static readonly Dictionary<string, PeriodKind> Units = new(StringComparer.Ordinal)
    {
        ["неделя"] = PeriodKind.Week, ["неделю"] = PeriodKind.Week, ["недели"] = PeriodKind.Week,
        ["неделе"] = PeriodKind.Week, ["нед"] = PeriodKind.Week, ["week"] = PeriodKind.Week,
        ["месяц"] = PeriodKind.Month, ["месяца"] = PeriodKind.Month, ["месяце"] = PeriodKind.Month,
        ["мес"] = PeriodKind.Month, ["month"] = PeriodKind.Month,
        ["квартал"] = PeriodKind.Quarter, ["квартала"] = PeriodKind.Quarter, ["квартале"] = PeriodKind.Quarter,
        ["кв"] = PeriodKind.Quarter, ["quarter"] = PeriodKind.Quarter, ["qtr"] = PeriodKind.Quarter,
        ["год"] = PeriodKind.Year, ["года"] = PeriodKind.Year, ["году"] = PeriodKind.Year, ["year"] = PeriodKind.Year,
    };

    private static readonly HashSet<string> TodayWords = new(StringComparer.Ordinal) { "сегодня", "today" };

    private static readonly HashSet<string> YesterdayWords = new(StringComparer.Ordinal) { "вчера", "yesterday" };

    private static readonly HashSet<string> YearToDatePhrases = new(StringComparer.Ordinal)
    {
        "ytd", "year to date", "this year to date", "since the start of the year", "since start of year",
        "с начала года", "с начала этого года", "от начала года", "с начала текущего года",
    };

    /// <summary>«в ноябре»: the prepositional forms <see cref="WhenVocabulary.Months"/> lacks for now.</summary>
    private static readonly Dictionary<string, int> PrepositionalMonths = new(StringComparer.Ordinal)
    {
        ["январе"] = 1, ["феврале"] = 2, ["марте"] = 3, ["апреле"] = 4, ["мае"] = 5, ["июне"] = 6,
        ["июле"] = 7, ["августе"] = 8, ["сентябре"] = 9, ["октябре"] = 10, ["ноябре"] = 11, ["декабре"] = 12,
    };

    private static readonly Dictionary<string, int> RomanQuarters = new(StringComparer.Ordinal)
    {
        ["i"] = 1, ["ii"] = 2, ["iii"] = 3, ["iv"] = 4,
    };

    /// <summary>
    /// Reads <paramref name="text"/> as a period; all of it must be the period (a final «.» or «,» aside).
    /// Never throws on user input: a failure says what could not be read.
    /// </summary>
    /// <param name="today">The user's local date: every relative word counts from it.</param>
    public static PeriodReading TryParse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PeriodReading.Failed(PeriodProblem.Empty, null);
        }

        var words = SplitWords(text);
        var prefix = TakePrefix(words, today);
        if (prefix is null)
        {
            return PeriodReading.Failed(PeriodProblem.Unknown, text.Trim());
        }

        if (!prefix.Reading.Success)
        {
            // For the whole text, quoting all of it («5 квартал») says more than its first word.
            return prefix.Reading.Problem == PeriodProblem.Unknown
                ? PeriodReading.Failed(PeriodProblem.Unknown, text.Trim())
                : prefix.Reading;
        }

        var rest = words.Skip(prefix.WordCount).Where(w => Normalize(w).Length > 0).ToList();
        return rest.Count == 0 ? prefix.Reading : PeriodReading.Failed(PeriodProblem.Unknown, string.Join(' ', rest));
    }

    /// <summary>
    /// Finds the longest period phrase at the start of <paramref name="words"/> (a command's arguments split on
    /// spaces), so `/report managers прошлый месяц Иванов` takes «прошлый месяц» and leaves «Иванов».
    /// </summary>
    /// <returns>
    /// Null when the words do not start with anything period-like (the caller uses its default period and keeps
    /// all the words). Otherwise the period and the number of words it took — or, when the start looks like a
    /// period but cannot be one («32.13 Иванов», «прошлый Иванов»), the failure and 0.
    /// </returns>
    public static PeriodPrefix? TakePrefix(IReadOnlyList<string> words, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0)
        {
            return null;
        }

        var normalized = words.Select(Normalize).ToArray();
        for (var n = Math.Min(words.Count, MaxPhraseWords); n >= 1; n--)
        {
            var phrase = string.Join(' ', normalized.Take(n).Where(w => w.Length > 0));
            var typed = string.Join(' ', words.Take(n).Select(w => w.Trim()));
            var reading = Read(phrase, typed, today);
            // A date-shaped phrase that is impossible is still the user's period: say what is wrong with it
            // rather than take a shorter phrase and read the rest as a manager's name.
            if (reading.Problem is not (PeriodProblem.Unknown or PeriodProblem.Empty))
            {
                return new PeriodPrefix(reading, reading.Success ? n : 0);
            }
        }

        return LooksLikePeriod(normalized[0])
            ? new PeriodPrefix(PeriodReading.Failed(PeriodProblem.Unknown, words[0].Trim()), 0)
            : null;
    }

    private static PeriodReading Read(string phrase, string typed, DateOnly today)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0)
        {
            return PeriodReading.Failed(PeriodProblem.Empty, null);
        }

        while (words.Count > 1 && Fillers.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        var q = string.Join(' ', words);
        return ReadWords(words, q, today)
            ?? ReadNumeric(q, typed, today)
            ?? PeriodReading.Failed(PeriodProblem.Unknown, typed);
    }

    private static PeriodReading? ReadWords(List<string> words, string phrase, DateOnly today)
    {
        if (YearToDatePhrases.Contains(phrase))
        {
            return PeriodReading.Read(ReportPeriod.YearToDate(today));
        }

        if (words.Count == 1 && TodayWords.Contains(phrase))
        {
            return PeriodReading.Read(ReportPeriod.Day(today));
        }

        if (words.Count == 1 && YesterdayWords.Contains(phrase))
        {
            return PeriodReading.Read(ReportPeriod.Day(today.AddDays(-1)));
        }

        if (words.Count <= 2 && Units.TryGetValue(words[^1], out var unit))
        {
            var step = words.Count == 1 || ThisWords.Contains(words[0]) ? 0
                : LastWords.Contains(words[0]) ? -1
                : NextWords.Contains(words[0]) ? 1
                : (int?)null;
            return step is { } s ? PeriodReading.Read(Shift(unit, today, s)) : null;
        }

        if (MonthNumber(words[0]) is { } month)
        {
            return ReadNamedMonth(month, words, today);
        }

        return null;
    }

    private static PeriodReading? ReadNamedMonth(int month, List<string> words, DateOnly today)
    {
        if (words.Count == 1)
        {
            return PeriodReading.Read(ReportPeriod.MonthOf(MostRecentMonth(month, today)));
        }

        var yearOk = words[1].Length == 4 && words[1].All(char.IsAsciiDigit);
        var suffixOk = words.Count == 2 || (words.Count == 3 && words[2] is "год" or "года" or "году" or "г" or "year");
        if (!yearOk || !suffixOk)
        {
            return null;
        }

        var year = int.Parse(words[1], CultureInfo.InvariantCulture);
        return year is < MinYear or > MaxYear
            ? PeriodReading.Failed(PeriodProblem.InvalidDate, words[1])
            : PeriodReading.Read(ReportPeriod.MonthOf(new DateOnly(year, month, 1)));
    }

    private static PeriodReading? ReadNumeric(string phrase, string typed, DateOnly today)
    {
        if (RangePattern().Match(phrase) is { Success: true } range)
        {
            return ReadRange(range, typed, today);
        }

        if (DayPattern().Match(phrase) is { Success: true } day)
        {
            var date = DatePart.From(day, "a");
            if (!date.IsValid)
            {
                return PeriodReading.Failed(PeriodProblem.InvalidDate, date.Text);
            }

            return PeriodReading.Read(ReportPeriod.Day(date.Year is { } y ? date.In(y)!.Value : MostRecent(date, today)!.Value));
        }

        if (MonthPattern().Match(phrase) is { Success: true } monthMatch)
        {
            var month = Number(monthMatch.Groups["m"].Value);
            var year = Number(monthMatch.Groups["y"].Value);
            return month is < 1 or > 12 || year is < MinYear or > MaxYear
                ? PeriodReading.Failed(PeriodProblem.InvalidDate, monthMatch.Value)
                : PeriodReading.Read(ReportPeriod.MonthOf(new DateOnly(year, month, 1)));
        }

        if (YearPattern().Match(phrase) is { Success: true } yearMatch)
        {
            var year = Number(yearMatch.Groups["y"].Value);
            return year is < MinYear or > MaxYear
                ? PeriodReading.Failed(PeriodProblem.InvalidDate, yearMatch.Groups["y"].Value)
                : PeriodReading.Read(ReportPeriod.YearOf(new DateOnly(year, 1, 1)));
        }

        if (QuarterPattern().Match(phrase) is { Success: true } quarterMatch)
        {
            var quarter = quarterMatch.Groups["q"].Success
                ? Number(quarterMatch.Groups["q"].Value)
                : RomanQuarters[quarterMatch.Groups["r"].Value];
            var firstMonth = ((quarter - 1) * 3) + 1;
            if (!quarterMatch.Groups["y"].Success)
            {
                return PeriodReading.Read(ReportPeriod.QuarterOf(MostRecentMonth(firstMonth, today)));
            }

            var year = Number(quarterMatch.Groups["y"].Value);
            return year is < MinYear or > MaxYear
                ? PeriodReading.Failed(PeriodProblem.InvalidDate, quarterMatch.Groups["y"].Value)
                : PeriodReading.Read(ReportPeriod.QuarterOf(new DateOnly(year, firstMonth, 1)));
        }

        return null;
    }

    private static PeriodReading ReadRange(Match match, string typed, DateOnly today)
    {
        var start = DatePart.From(match, "a");
        var end = DatePart.From(match, "b");
        foreach (var part in new[] { start, end })
        {
            if (!part.IsValid)
            {
                return PeriodReading.Failed(PeriodProblem.InvalidDate, part.Text);
            }
        }

        DateOnly? first, last;
        if (start.Year is not null && end.Year is not null)
        {
            (first, last) = (start.In(start.Year.Value), end.In(end.Year.Value));
        }
        else if (end.Year is not null)
        {
            last = end.In(end.Year.Value);
            first = last is { } l ? LatestOnOrBefore(start, end, l) : null;
        }
        else
        {
            first = start.Year is { } y ? start.In(y) : MostRecent(start, today);
            last = first is { } f ? FirstOnOrAfter(end, start, f) : null;
        }

        // A 29 February that the year it lands in does not have.
        if (first is null || last is null)
        {
            return PeriodReading.Failed(PeriodProblem.InvalidDate, first is null ? start.Text : end.Text);
        }

        return ReportPeriod.Range(first.Value, last.Value) is { } period
            ? PeriodReading.Read(period)
            : PeriodReading.Failed(PeriodProblem.ReversedRange, typed);
    }

    /// <summary>The end's day in the start's year, or the next year when its month comes earlier (across New Year).</summary>
    private static DateOnly? FirstOnOrAfter(DatePart end, DatePart start, DateOnly first) =>
        end.Month < start.Month ? end.In(first.Year + 1) : end.In(first.Year);

    /// <summary>The start's day in the end's year, or the year before when its month comes later (across New Year).</summary>
    private static DateOnly? LatestOnOrBefore(DatePart start, DatePart end, DateOnly last) =>
        start.Month > end.Month ? start.In(last.Year - 1) : start.In(last.Year);

    private static DateOnly? MostRecent(DatePart date, DateOnly today)
    {
        // Eight years back always holds a 29 February.
        for (var year = today.Year; year >= today.Year - 8; year--)
        {
            if (date.In(year) is { } day && day <= today)
            {
                return day;
            }
        }

        return null;
    }

    private static DateOnly MostRecentMonth(int month, DateOnly today) =>
        new(month <= today.Month ? today.Year : today.Year - 1, month, 1);

    private static ReportPeriod Shift(PeriodKind unit, DateOnly today, int step) => unit switch
    {
        PeriodKind.Week => ReportPeriod.WeekOf(today.AddDays(7 * step)),
        PeriodKind.Month => ReportPeriod.MonthOf(today.AddMonths(step)),
        PeriodKind.Quarter => ReportPeriod.QuarterOf(today.AddMonths(3 * step)),
        _ => ReportPeriod.YearOf(today.AddYears(step)),
    };

    private static int? MonthNumber(string word) =>
        WhenVocabulary.Months.TryGetValue(word, out var month) || PrepositionalMonths.TryGetValue(word, out month)
            ? month
            : null;

    private static bool LooksLikePeriod(string word) =>
        word.Length > 0
        && (char.IsAsciiDigit(word[0])
            || ThisWords.Contains(word) || LastWords.Contains(word) || NextWords.Contains(word)
            || Units.ContainsKey(word) || MonthNumber(word) is not null
            || TodayWords.Contains(word) || YesterdayWords.Contains(word) || word == "ytd"
            || QuarterPattern().IsMatch(word));

    private static string[] SplitWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Lower case, «ё» as «е», every dash as a hyphen, "year-to-date" as words, no trailing punctuation.</summary>
    private static string Normalize(string word)
    {
        var s = new StringBuilder(word.Trim().ToLowerInvariant().Replace('ё', 'е'));
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is '–' or '—' or '−' or '‒')
            {
                s[i] = '-';
            }

            if (s[i] == '-' && i > 0 && i + 1 < s.Length && char.IsLetter(s[i - 1]) && char.IsLetter(s[i + 1]))
            {
                s[i] = ' ';
            }
        }

        var result = s.ToString().TrimEnd('.', ',', ';', '!', '?', ':');
        return result.Trim();
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex($@"^(?:(?:с|from|between)\s)?{DateA}\s?(?:-|\s(?:по|to|till|until|and)\s)\s?{DateB}$")]
    private static partial Regex RangePattern();

    [GeneratedRegex($"^{DateA}$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^(?:(?<m>\d{1,2})[./](?<y>\d{4})|(?<y>\d{4})-(?<m>\d{1,2}))$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex($@"^(?<y>\d{{4}}){YearSuffix}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex($@"^(?:q(?<q>[1-4])|(?<q>[1-4])(?:-?(?:й|ий|st|nd|rd|th))?\s?{QuarterWord}|(?<r>iv|iii|ii|i)\s{QuarterWord})(?:\s(?<y>\d{{4}}){YearSuffix})?$")]
    private static partial Regex QuarterPattern();

    /// <summary>A typed day and month, with the year when one was written.</summary>
    private readonly record struct DatePart(int Day, int Month, int? Year, string Text)
    {
        /// <summary>The day exists in some year (29 February does in leap years) and a written year is in range.</summary>
        public bool IsValid =>
            Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(2000, Month)
            && Year is null or (>= MinYear and <= MaxYear) && (Year is null || In(Year.Value) is not null);

        public static DatePart From(Match match, string side)
        {
            var year = match.Groups[side + "y"];
            int? y = year.Success ? Number(year.Value) : null;
            if (y < 100)
            {
                y += 2000;
            }

            return new DatePart(Number(match.Groups[side + "d"].Value), Number(match.Groups[side + "m"].Value), y,
                match.Groups[side].Value);
        }

        public DateOnly? In(int year) =>
            year is >= 1 and <= 9999 && Month is >= 1 and <= 12 && Day >= 1 && Day <= DateTime.DaysInMonth(year, Month)
                ? new DateOnly(year, Month, Day)
                : null;
    }
}
