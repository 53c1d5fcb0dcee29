namespace ChatCrm.Core.Parsing;

internal enum OffsetUnit
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// <summary>A part of the day: the hour it means alone (working hours, not the edges of the day) and, when it is
/// one, the half of the day an hour given with it belongs to.</summary>
internal readonly record struct PartOfDay(DayHalf? Half, int Hour);

/// <summary>The words the date/time parser knows, in every form a user is likely to type.</summary>
internal static class WhenVocabulary
{
    public static readonly IReadOnlyDictionary<string, int> RelativeDays = Table<int>(
        (0, ["сегодня", "today"]),
        (1, ["завтра", "tomorrow", "tmrw", "tmr"]),
        (2, ["послезавтра"]),
        (-1, ["вчера", "yesterday"]),
        (-2, ["позавчера"]));

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Weekdays = Table<DayOfWeek>(
        (DayOfWeek.Monday, ["понедельник", "пн", "пон", "monday", "mon"]),
        (DayOfWeek.Tuesday, ["вторник", "вт", "втор", "tuesday", "tue", "tues"]),
        (DayOfWeek.Wednesday, ["среда", "среду", "среде", "ср", "wednesday", "wed"]),
        (DayOfWeek.Thursday, ["четверг", "чт", "чет", "thursday", "thu", "thur", "thurs"]),
        (DayOfWeek.Friday, ["пятница", "пятницу", "пятнице", "пт", "пят", "friday", "fri"]),
        (DayOfWeek.Saturday, ["суббота", "субботу", "субботе", "сб", "суб", "saturday", "sat"]),
        (DayOfWeek.Sunday, ["воскресенье", "вс", "вск", "воскр", "sunday", "sun"]));

    /// <summary>
    /// The one month table: the words a date uses («25 декабря», "Dec 25"), and the prepositional form that names
    /// a whole month («в декабре», /target) but not a day, so «в декабре 5 звонков» is not read as 5 December.
    /// </summary>
    private static readonly (int Month, string[] Words, string Prepositional)[] MonthRows =
    [
        (1, ["январь", "января", "янв", "january", "jan"], "январе"),
        (2, ["февраль", "февраля", "фев", "февр", "february", "feb"], "феврале"),
        (3, ["март", "марта", "мар", "march", "mar"], "марте"),
        (4, ["апрель", "апреля", "апр", "april", "apr"], "апреле"),
        (5, ["май", "мая", "may"], "мае"),
        (6, ["июнь", "июня", "июн", "june", "jun"], "июне"),
        (7, ["июль", "июля", "июл", "july", "jul"], "июле"),
        (8, ["август", "августа", "авг", "august", "aug"], "августе"),
        (9, ["сентябрь", "сентября", "сен", "сент", "september", "sep", "sept"], "сентябре"),
        (10, ["октябрь", "октября", "окт", "october", "oct"], "октябре"),
        (11, ["ноябрь", "ноября", "ноя", "нояб", "november", "nov"], "ноябре"),
        (12, ["декабрь", "декабря", "дек", "december", "dec"], "декабре"),
    ];

    /// <summary>A month in a date: «25 декабря», "December 25th".</summary>
    public static readonly IReadOnlyDictionary<string, int> Months = Table<int>([.. MonthRows.Select(r => (r.Month, r.Words))]);

    /// <summary>A month named as a whole: «декабрь», «в декабре», "dec".</summary>
    public static readonly IReadOnlyDictionary<string, int> WholeMonths = Table<int>([.. MonthRows.Select(r => (r.Month, (string[])[.. r.Words, r.Prepositional]))]);

    public static readonly IReadOnlyDictionary<string, OffsetUnit> Units = Table<OffsetUnit>(
        (OffsetUnit.Minute, ["минуту", "минуты", "минут", "мин", "minute", "minutes", "min", "mins"]),
        (OffsetUnit.Hour, ["час", "часа", "часов", "ч", "hour", "hours", "hr", "hrs", "h"]),
        (OffsetUnit.Day, ["день", "дня", "дней", "сутки", "суток", "day", "days"]),
        (OffsetUnit.Week, ["неделю", "недели", "недель", "нед", "week", "weeks", "wk"]),
        (OffsetUnit.Month, ["месяц", "месяца", "месяцев", "мес", "month", "months"]),
        (OffsetUnit.Year, ["год", "года", "лет", "year", "years"]));

    public static readonly IReadOnlyDictionary<string, int> NumberWords = Table<int>(
        (1, ["один", "одну", "одна", "one", "a", "an"]),
        (2, ["два", "две", "пару", "two"]),
        (3, ["три", "three"]),
        (4, ["четыре", "four"]),
        (5, ["пять", "five"]),
        (6, ["шесть", "six"]),
        (7, ["семь", "seven"]),
        (8, ["восемь", "eight"]),
        (9, ["девять", "nine"]),
        (10, ["десять", "ten"]));

    /// <summary>
    /// «утром», «после обеда», "in the afternoon": the hour they stand for alone, and the half of the day an hour
    /// after them is in («после обеда в 3» is 15:00). Longer phrases first, so «в обед» is not «в» + a note.
    /// «в обед» and «к обеду» name a moment, not a half: an hour after them is not theirs.
    /// </summary>
    public static readonly IReadOnlyList<(string[] Words, PartOfDay Part)> PartsOfDay =
    [
        (["in", "the", "morning"], new(DayHalf.Morning, 9)),
        (["in", "the", "afternoon"], new(DayHalf.Afternoon, 14)),
        (["in", "the", "evening"], new(DayHalf.Evening, 18)),
        (["this", "morning"], new(DayHalf.Morning, 9)),
        (["this", "afternoon"], new(DayHalf.Afternoon, 14)),
        (["this", "evening"], new(DayHalf.Evening, 18)),
        (["после", "обеда"], new(DayHalf.Afternoon, 14)),
        (["после", "обед"], new(DayHalf.Afternoon, 14)),
        (["after", "lunch"], new(DayHalf.Afternoon, 14)),
        (["до", "обеда"], new(DayHalf.Morning, 11)),
        (["before", "lunch"], new(DayHalf.Morning, 11)),
        (["с", "утра"], new(DayHalf.Morning, 9)),
        (["в", "обед"], new(null, 13)),
        (["at", "lunchtime"], new(null, 13)),
        (["at", "lunch"], new(null, 13)),
        (["к", "обеду"], new(null, 12)),
        (["by", "lunch"], new(null, 12)),
        (["утром"], new(DayHalf.Morning, 9)),
        (["morning"], new(DayHalf.Morning, 9)),
        (["днем"], new(DayHalf.Afternoon, 13)),
        (["afternoon"], new(DayHalf.Afternoon, 14)),
        (["вечером"], new(DayHalf.Evening, 18)),
        (["evening"], new(DayHalf.Evening, 18)),
        (["tonight"], new(DayHalf.Evening, 18)),
        (["ночью"], new(DayHalf.Night, 23)),
    ];

    /// <summary>«9 утра», «3 дня», «7 вечера», «2 ночи».</summary>
    public static readonly IReadOnlyDictionary<string, DayHalf> PartOfDaySuffixes = Table<DayHalf>(
        (DayHalf.Morning, ["утра"]),
        (DayHalf.Afternoon, ["дня"]),
        (DayHalf.Evening, ["вечера"]),
        (DayHalf.Night, ["ночи"]));

    public static readonly IReadOnlySet<string> NextWords = new HashSet<string>(
        ["следующий", "следующую", "следующее", "следующая", "следующей", "след", "next"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> LastWords = new HashSet<string>(
        ["прошлый", "прошлую", "прошлое", "прошлая", "прошлой", "прошл", "last"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> ThisWords = new HashSet<string>(
        ["этот", "эту", "это", "эта", "ближайший", "ближайшую", "ближайшее", "this", "coming"], StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> OrdinalSuffixes = new HashSet<string>(
        ["st", "nd", "rd", "th"], StringComparer.Ordinal);


    private static Dictionary<string, T> Table<T>(params (T Value, string[] Words)[] rows)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, words) in rows)
        {
            foreach (var word in words)
            {
                table.Add(word, value);
            }
        }

        return table;
    }
}
