using System.Globalization;
using ChatCrm.Core.Parsing;

namespace ChatCrm.Core.Tests.Parsing;

public class PeriodParserTests
{
    // Wednesday 18 November 2026: the week is Mon 16 – Sun 22 November, the quarter is the fourth.
    private static readonly DateOnly Today = new(2026, 11, 18);

    [Theory]
    [InlineData("сегодня", PeriodKind.Day, "2026-11-18", "2026-11-18")]
    [InlineData("today", PeriodKind.Day, "2026-11-18", "2026-11-18")]
    [InlineData("Сегодня", PeriodKind.Day, "2026-11-18", "2026-11-18")]
    [InlineData("за сегодня", PeriodKind.Day, "2026-11-18", "2026-11-18")]
    [InlineData("вчера", PeriodKind.Day, "2026-11-17", "2026-11-17")]
    [InlineData("yesterday", PeriodKind.Day, "2026-11-17", "2026-11-17")]
    [InlineData("неделя", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("неделю", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("week", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("this week", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("эта неделя", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("за эту неделю", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("на этой неделе", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("текущая неделя", PeriodKind.Week, "2026-11-16", "2026-11-22")]
    [InlineData("прошлая неделя", PeriodKind.Week, "2026-11-09", "2026-11-15")]
    [InlineData("за прошлую неделю", PeriodKind.Week, "2026-11-09", "2026-11-15")]
    [InlineData("на прошлой неделе", PeriodKind.Week, "2026-11-09", "2026-11-15")]
    [InlineData("last week", PeriodKind.Week, "2026-11-09", "2026-11-15")]
    [InlineData("previous week", PeriodKind.Week, "2026-11-09", "2026-11-15")]
    [InlineData("next week", PeriodKind.Week, "2026-11-23", "2026-11-29")]
    [InlineData("следующая неделя", PeriodKind.Week, "2026-11-23", "2026-11-29")]
    [InlineData("месяц", PeriodKind.Month, "2026-11-01", "2026-11-30")]
    [InlineData("month", PeriodKind.Month, "2026-11-01", "2026-11-30")]
    [InlineData("this month", PeriodKind.Month, "2026-11-01", "2026-11-30")]
    [InlineData("в этом месяце", PeriodKind.Month, "2026-11-01", "2026-11-30")]
    [InlineData("текущий месяц", PeriodKind.Month, "2026-11-01", "2026-11-30")]
    [InlineData("прошлый месяц", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("Прошлый  месяц", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("в прошлом месяце", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("за предыдущий месяц", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("last month", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("the last month", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("previous month", PeriodKind.Month, "2026-10-01", "2026-10-31")]
    [InlineData("next month", PeriodKind.Month, "2026-12-01", "2026-12-31")]
    [InlineData("следующий месяц", PeriodKind.Month, "2026-12-01", "2026-12-31")]
    [InlineData("квартал", PeriodKind.Quarter, "2026-10-01", "2026-12-31")]
    [InlineData("quarter", PeriodKind.Quarter, "2026-10-01", "2026-12-31")]
    [InlineData("этот квартал", PeriodKind.Quarter, "2026-10-01", "2026-12-31")]
    [InlineData("прошлый квартал", PeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("в прошлом квартале", PeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("last quarter", PeriodKind.Quarter, "2026-07-01", "2026-09-30")]
    [InlineData("next quarter", PeriodKind.Quarter, "2027-01-01", "2027-03-31")]
    [InlineData("год", PeriodKind.Year, "2026-01-01", "2026-12-31")]
    [InlineData("year", PeriodKind.Year, "2026-01-01", "2026-12-31")]
    [InlineData("в этом году", PeriodKind.Year, "2026-01-01", "2026-12-31")]
    [InlineData("прошлый год", PeriodKind.Year, "2025-01-01", "2025-12-31")]
    [InlineData("за прошлый год", PeriodKind.Year, "2025-01-01", "2025-12-31")]
    [InlineData("last year", PeriodKind.Year, "2025-01-01", "2025-12-31")]
    [InlineData("ytd", PeriodKind.YearToDate, "2026-01-01", "2026-11-18")]
    [InlineData("YTD", PeriodKind.YearToDate, "2026-01-01", "2026-11-18")]
    [InlineData("year to date", PeriodKind.YearToDate, "2026-01-01", "2026-11-18")]
    [InlineData("year-to-date", PeriodKind.YearToDate, "2026-01-01", "2026-11-18")]
    [InlineData("с начала года", PeriodKind.YearToDate, "2026-01-01", "2026-11-18")]
    [InlineData("С начала года.", PeriodKind.YearToDate, "2026-01-01", "2026-11-18")]
    public void Period_words_count_from_today(string text, PeriodKind kind, string first, string last)
    {
        ShouldRead(text, kind, first, last);
    }

    [Theory]
    [InlineData("ноябрь", "2026-11-01", "2026-11-30")]
    [InlineData("Ноябрь", "2026-11-01", "2026-11-30")]
    [InlineData("ноября", "2026-11-01", "2026-11-30")]
    [InlineData("в ноябре", "2026-11-01", "2026-11-30")]
    [InlineData("нояб", "2026-11-01", "2026-11-30")]
    [InlineData("november", "2026-11-01", "2026-11-30")]
    [InlineData("November", "2026-11-01", "2026-11-30")]
    [InlineData("nov", "2026-11-01", "2026-11-30")]
    [InlineData("nov.", "2026-11-01", "2026-11-30")]
    [InlineData("in november", "2026-11-01", "2026-11-30")]
    [InlineData("октябрь", "2026-10-01", "2026-10-31")]
    [InlineData("январь", "2026-01-01", "2026-01-31")]
    [InlineData("февраль", "2026-02-01", "2026-02-28")]
    [InlineData("декабрь", "2025-12-01", "2025-12-31")]
    [InlineData("december", "2025-12-01", "2025-12-31")]
    [InlineData("ноябрь 2025", "2025-11-01", "2025-11-30")]
    [InlineData("ноября 2025 года", "2025-11-01", "2025-11-30")]
    [InlineData("в ноябре 2025 г.", "2025-11-01", "2025-11-30")]
    [InlineData("nov 2025", "2025-11-01", "2025-11-30")]
    [InlineData("November 2027", "2027-11-01", "2027-11-30")]
    [InlineData("февраль 2028", "2028-02-01", "2028-02-29")]
    [InlineData("11.2026", "2026-11-01", "2026-11-30")]
    [InlineData("11.2025", "2025-11-01", "2025-11-30")]
    [InlineData("1.2027", "2027-01-01", "2027-01-31")]
    [InlineData("11/2026", "2026-11-01", "2026-11-30")]
    [InlineData("2026-11", "2026-11-01", "2026-11-30")]
    [InlineData("за 11.2026", "2026-11-01", "2026-11-30")]
    public void A_named_month_without_a_year_is_the_most_recent_one_not_in_the_future(string text, string first, string last)
    {
        ShouldRead(text, PeriodKind.Month, first, last);
    }

    [Theory]
    [InlineData("q1", "2026-01-01", "2026-03-31")]
    [InlineData("Q3", "2026-07-01", "2026-09-30")]
    [InlineData("q4", "2026-10-01", "2026-12-31")]
    [InlineData("Q2 2025", "2025-04-01", "2025-06-30")]
    [InlineData("3 квартал", "2026-07-01", "2026-09-30")]
    [InlineData("3-й квартал 2025", "2025-07-01", "2025-09-30")]
    [InlineData("3 кв. 2025", "2025-07-01", "2025-09-30")]
    [InlineData("IV квартал", "2026-10-01", "2026-12-31")]
    [InlineData("в 1 квартале 2027 года", "2027-01-01", "2027-03-31")]
    [InlineData("2nd quarter", "2026-04-01", "2026-06-30")]
    public void A_quarter_by_number(string text, string first, string last)
    {
        ShouldRead(text, PeriodKind.Quarter, first, last);
    }

    [Fact]
    public void A_quarter_that_has_not_started_this_year_is_last_years()
    {
        var read = PeriodParser.TryParse("q4", new DateOnly(2026, 8, 1));

        read.Period!.First.Should().Be(new DateOnly(2025, 10, 1));
    }

    [Theory]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    [InlineData("2025 год", "2025-01-01", "2025-12-31")]
    [InlineData("за 2025 год", "2025-01-01", "2025-12-31")]
    [InlineData("в 2027 году", "2027-01-01", "2027-12-31")]
    public void A_year_by_number(string text, string first, string last)
    {
        ShouldRead(text, PeriodKind.Year, first, last);
    }

    [Theory]
    [InlineData("15.11", "2026-11-15")]
    [InlineData("15.11.2026", "2026-11-15")]
    [InlineData("15/11/26", "2026-11-15")]
    [InlineData("2026-11-15", "2026-11-15")]
    [InlineData("18.11", "2026-11-18")]
    [InlineData("19.11", "2025-11-19")]
    [InlineData("29.02", "2024-02-29")]
    [InlineData("1.5", "2026-05-01")]
    public void A_single_date_is_a_day_and_without_a_year_the_most_recent_one(string text, string day)
    {
        ShouldRead(text, PeriodKind.Day, day, day);
    }

    [Theory]
    [InlineData("01.10–31.12", "2026-10-01", "2026-12-31")]
    [InlineData("01.10-31.12", "2026-10-01", "2026-12-31")]
    [InlineData("01.10 – 31.12", "2026-10-01", "2026-12-31")]
    [InlineData("01.10 — 31.12", "2026-10-01", "2026-12-31")]
    [InlineData("1.10.2026 - 15.11.2026", "2026-10-01", "2026-11-15")]
    [InlineData("1.10.2026-15.11.2026", "2026-10-01", "2026-11-15")]
    [InlineData("1.10.26–15.11.26", "2026-10-01", "2026-11-15")]
    [InlineData("2026-10-01 - 2026-11-15", "2026-10-01", "2026-11-15")]
    [InlineData("2026-10-01-2026-11-15", "2026-10-01", "2026-11-15")]
    [InlineData("с 01.10 по 31.12", "2026-10-01", "2026-12-31")]
    [InlineData("за период с 01.10.2026 по 31.12.2026", "2026-10-01", "2026-12-31")]
    [InlineData("from 1.10 to 31.12", "2026-10-01", "2026-12-31")]
    [InlineData("between 1.10 and 31.12", "2026-10-01", "2026-12-31")]
    [InlineData("for the period from 1.10 to 31.12", "2026-10-01", "2026-12-31")]
    [InlineData("18.11-18.11", "2026-11-18", "2026-11-18")]
    [InlineData("19.11-19.11", "2025-11-19", "2025-11-19")]
    [InlineData("01.01.2027–31.12", "2027-01-01", "2027-12-31")]
    [InlineData("01.12–31.01", "2025-12-01", "2026-01-31")]
    [InlineData("01.12.2026–31.01", "2026-12-01", "2027-01-31")]
    [InlineData("01.12–31.01.2027", "2026-12-01", "2027-01-31")]
    [InlineData("01.10–15.11.2025", "2025-10-01", "2025-11-15")]
    [InlineData("01.10.2025–15.11", "2025-10-01", "2025-11-15")]
    [InlineData("01.02.2028–29.02", "2028-02-01", "2028-02-29")]
    public void A_range_has_both_ends_inclusive(string text, string first, string last)
    {
        ShouldRead(text, PeriodKind.Range, first, last);
    }

    [Fact]
    public void A_range_in_January_reaching_back_over_New_Year_takes_last_December()
    {
        var read = PeriodParser.TryParse("01.12–31.01", new DateOnly(2026, 1, 14));

        (read.Period!.First, read.Period.Last).Should().Be((new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 31)));
    }

    [Fact]
    public void A_yearless_range_starting_later_this_year_is_last_years()
    {
        var read = PeriodParser.TryParse("01.10–31.12", new DateOnly(2026, 2, 10));

        (read.Period!.First, read.Period.Last).Should().Be((new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)));
    }

    [Theory]
    [InlineData("", PeriodProblem.Empty, null)]
    [InlineData("   ", PeriodProblem.Empty, null)]
    [InlineData(null, PeriodProblem.Empty, null)]
    [InlineData("foo", PeriodProblem.Unknown, "foo")]
    [InlineData("прошлый", PeriodProblem.Unknown, "прошлый")]
    [InlineData("позапрошлый месяц", PeriodProblem.Unknown, "позапрошлый месяц")]
    [InlineData("ноябрь foo", PeriodProblem.Unknown, "foo")]
    [InlineData("прошлый месяц Иванов", PeriodProblem.Unknown, "Иванов")]
    [InlineData("ноябрь 26", PeriodProblem.Unknown, "26")]
    [InlineData("q5", PeriodProblem.Unknown, "q5")]
    [InlineData("5 квартал", PeriodProblem.Unknown, "5 квартал")]
    [InlineData("32.13", PeriodProblem.InvalidDate, "32.13")]
    [InlineData("31.02", PeriodProblem.InvalidDate, "31.02")]
    [InlineData("29.02.2026", PeriodProblem.InvalidDate, "29.02.2026")]
    [InlineData("0.10", PeriodProblem.InvalidDate, "0.10")]
    [InlineData("13.2026", PeriodProblem.InvalidDate, "13.2026")]
    [InlineData("11.1999", PeriodProblem.InvalidDate, "11.1999")]
    [InlineData("ноябрь 1800", PeriodProblem.InvalidDate, "1800")]
    [InlineData("q1 2150", PeriodProblem.InvalidDate, "2150")]
    [InlineData("1999", PeriodProblem.InvalidDate, "1999")]
    [InlineData("01.10–32.12", PeriodProblem.InvalidDate, "32.12")]
    [InlineData("31.04-15.05", PeriodProblem.InvalidDate, "31.04")]
    [InlineData("01.02–29.02", PeriodProblem.InvalidDate, "29.02")]
    [InlineData("31.12.2026–01.10.2026", PeriodProblem.ReversedRange, "31.12.2026–01.10.2026")]
    [InlineData("15.11.2026 - 1.10.2026", PeriodProblem.ReversedRange, "15.11.2026 - 1.10.2026")]
    [InlineData("15.11–10.11", PeriodProblem.ReversedRange, "15.11–10.11")]
    [InlineData("15.11.2026–10.11", PeriodProblem.ReversedRange, "15.11.2026–10.11")]
    [InlineData("15.11–10.11.2026", PeriodProblem.ReversedRange, "15.11–10.11.2026")]
    public void Bad_input_is_a_failure_that_says_what_could_not_be_read(string? text, PeriodProblem problem, string? unreadable)
    {
        var read = PeriodParser.TryParse(text, Today);

        read.Success.Should().BeFalse();
        read.Period.Should().BeNull();
        (read.Problem, read.Unreadable).Should().Be((problem, unreadable));
    }

    [Theory]
    [InlineData("прошлый месяц Иванов", 2, PeriodKind.Month, "Иванов")]
    [InlineData("last month Ivanov", 2, PeriodKind.Month, "Ivanov")]
    [InlineData("ноябрь 2025 #опт", 2, PeriodKind.Month, "#опт")]
    [InlineData("ноябрь Иванов", 1, PeriodKind.Month, "Иванов")]
    [InlineData("ноябрь 26", 1, PeriodKind.Month, "26")]
    [InlineData("за прошлую неделю cycle Продажи", 3, PeriodKind.Week, "cycle Продажи")]
    [InlineData("01.10 – 31.12 Иванов", 3, PeriodKind.Range, "Иванов")]
    [InlineData("01.10–31.12 csv", 1, PeriodKind.Range, "csv")]
    [InlineData("с начала года Петров", 3, PeriodKind.YearToDate, "Петров")]
    [InlineData("q3 2025 csv", 2, PeriodKind.Quarter, "csv")]
    [InlineData("2025 год Иванов", 2, PeriodKind.Year, "Иванов")]
    [InlineData("сегодня", 1, PeriodKind.Day, "")]
    public void The_longest_period_phrase_at_the_start_is_taken(string args, int wordCount, PeriodKind kind, string rest)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var prefix = PeriodParser.TakePrefix(words, Today);

        prefix.Should().NotBeNull();
        prefix!.Reading.Period!.Kind.Should().Be(kind);
        prefix.WordCount.Should().Be(wordCount);
        string.Join(' ', words.Skip(prefix.WordCount)).Should().Be(rest);
    }

    [Theory]
    [InlineData("Иванов прошлый месяц")]
    [InlineData("#опт")]
    [InlineData("cycle Продажи")]
    [InlineData("за Иванова")]
    [InlineData("csv")]
    public void Words_that_do_not_start_with_a_period_are_left_alone(string args)
    {
        PeriodParser.TakePrefix(args.Split(' '), Today).Should().BeNull();
        PeriodParser.TakePrefix([], Today).Should().BeNull();
    }

    [Theory]
    [InlineData("32.13 Иванов", PeriodProblem.InvalidDate, "32.13")]
    [InlineData("прошлый Иванов", PeriodProblem.Unknown, "прошлый")]
    [InlineData("31.12.2026 - 01.10.2026 Иванов", PeriodProblem.ReversedRange, "31.12.2026 - 01.10.2026")]
    [InlineData("ноябрь 1800 Иванов", PeriodProblem.InvalidDate, "1800")]
    public void A_start_that_looks_like_a_period_but_is_not_one_is_a_failure_not_a_name(string args, PeriodProblem problem, string unreadable)
    {
        var prefix = PeriodParser.TakePrefix(args.Split(' '), Today);

        prefix.Should().NotBeNull();
        prefix!.WordCount.Should().Be(0);
        (prefix.Reading.Success, prefix.Reading.Problem, prefix.Reading.Unreadable).Should().Be((false, problem, unreadable));
    }

    private static void ShouldRead(string text, PeriodKind kind, string first, string last)
    {
        var read = PeriodParser.TryParse(text, Today);

        read.Success.Should().BeTrue(because: $"«{text}» is a period, but it failed with {read.Problem} «{read.Unreadable}»");
        read.Problem.Should().Be(PeriodProblem.None);
        read.Period!.Kind.Should().Be(kind);
        (read.Period.First, read.Period.Last).Should().Be((Day(first), Day(last)));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
