using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using static ChatCrm.Core.Parsing.WhenVocabulary;

namespace ChatCrm.Core.Parsing;

/// <summary>
/// Reads the tokens of a date/time phrase into a <see cref="WhenSpec"/>. Every reader either consumes
/// what it recognised and returns true, or restores the position and returns false; a phrase that is
/// recognisably a date or time but impossible («31.02», «25:00», «15 утра») marks the whole phrase rejected,
/// so the mistake reaches the user instead of silently becoming part of a note.
/// </summary>
internal sealed class WhenReader
{
    private const int MaxOffset = 1000;

    private static readonly string[] DayPrepositions = ["в", "во", "на", "к", "on", "at", "by"];
    private static readonly string[] TimePrepositions = ["в", "во", "к", "at", "by"];
    private static readonly string[] HourWords = ["ч", "час", "часа", "часов"];

    private readonly IReadOnlyList<Token> _tokens;
    private int _pos;
    private bool _rejected;

    private WhenReader(IReadOnlyList<Token> tokens) => _tokens = tokens;

    public static WhenSpec? Read(string text) => new WhenReader(Tokenizer.Tokenize(text)).ReadPhrase();

    private WhenSpec? ReadPhrase()
    {
        if (TryReadOffset(out var amount, out var unit) && unit is OffsetUnit.Minute or OffsetUnit.Hour)
        {
            var span = unit == OffsetUnit.Hour ? TimeSpan.FromHours(amount) : TimeSpan.FromMinutes(amount);
            return Finish(new WhenSpec(null, null, span, LastEnd));
        }

        _pos = 0;
        DaySpec? day = null;
        TimeOnly? time = null;
        while (!_rejected)
        {
            var mark = _pos;
            if (_pos > 0)
            {
                Take(",");
            }

            if (day is null && TryReadDay(out var readDay))
            {
                day = readDay;
            }
            else if (time is null && TryReadTime(out var readTime))
            {
                time = readTime;
            }
            else
            {
                _pos = mark;
                break;
            }
        }

        return day is null && time is null ? null : Finish(new WhenSpec(day, time, null, LastEnd));
    }

    private WhenSpec? Finish(WhenSpec spec)
    {
        // «завтра 25:00» or «25.12.2» must not pass as «завтра» plus a note: a date- or time-shaped
        // leftover glued to the phrase means the user wrote something we could not read.
        if (_rejected || StartsWithDateOrTimeShape())
        {
            return null;
        }

        return spec;
    }

    private bool StartsWithDateOrTimeShape()
    {
        if (_pos >= _tokens.Count)
        {
            return false;
        }

        var next = _tokens[_pos];
        if (next.Start == LastEnd)
        {
            // «завтра15», «25.12.2», «15:00:30»
            return next.Kind != TokenKind.Symbol || (IsDateOrTimeSeparator(next) && IsGluedNumber(_pos + 1));
        }

        // «завтра 25:00», «15:00 31.02»; a lone «1.5» in a note is left alone.
        return IsNumberOfLength(_pos, 1, 2) && IsGluedNumber(_pos + 2)
            && (IsGluedSymbol(_pos + 1, ':') || (IsGluedSymbol(_pos + 1, '.') && IsNumberOfLength(_pos + 2, 2, 2)));
    }

    private static bool IsDateOrTimeSeparator(Token token) =>
        token.IsSymbol(':') || token.IsSymbol('.') || token.IsSymbol('/') || token.IsSymbol('-');

    // ---- days ----

    private bool TryReadDay([NotNullWhen(true)] out DaySpec? day)
    {
        var mark = _pos;
        var preposition = TakeAny(DayPrepositions);
        if (TryReadRelativeDay(out day) || TryReadNextWeek(out day) || TryReadWeekday(out day)
            || TryReadDate(timeFirst: preposition is not null && TimePrepositions.Contains(preposition), out day))
        {
            return true;
        }

        if (!_rejected && preposition is null && TryReadOffset(out var amount, out var unit))
        {
            switch (unit)
            {
                case OffsetUnit.Day:
                    day = new DaysFromToday(amount);
                    return true;
                case OffsetUnit.Week:
                    day = new DaysFromToday(amount * 7);
                    return true;
                case OffsetUnit.Month:
                    day = new MonthsFromToday(amount);
                    return true;
                case OffsetUnit.Year:
                    day = new MonthsFromToday(amount * 12);
                    return true;
            }
        }

        _pos = mark;
        return false;
    }

    private bool TryReadRelativeDay([NotNullWhen(true)] out DaySpec? day)
    {
        var mark = _pos;
        Take("the");
        if (Take("day") && Take("after") && Take("tomorrow"))
        {
            day = new DaysFromToday(2);
            return true;
        }

        _pos = mark;
        if (Peek() is { Kind: TokenKind.Word } word && RelativeDays.TryGetValue(word.Text, out var days))
        {
            _pos++;
            day = new DaysFromToday(days);
            return true;
        }

        day = null;
        return false;
    }

    private bool TryReadNextWeek([NotNullWhen(true)] out DaySpec? day)
    {
        var mark = _pos;
        if (TakeFrom(NextWords) is not null)
        {
            TakeAbbreviationDot();
            if (Take("week") || Take("неделе"))
            {
                day = new WeekdaySpec(DayOfWeek.Monday, WeekdayMode.Next);
                return true;
            }
        }

        _pos = mark;
        day = null;
        return false;
    }

    private bool TryReadWeekday([NotNullWhen(true)] out DaySpec? day)
    {
        var mark = _pos;
        var mode = TakeFrom(NextWords) is not null ? WeekdayMode.Next
            : TakeFrom(ThisWords) is not null ? WeekdayMode.This
            : TakeFrom(LastWords) is not null ? WeekdayMode.Last
            : WeekdayMode.Nearest;
        TakeAbbreviationDot();
        if (Peek() is not { Kind: TokenKind.Word } word || !Weekdays.TryGetValue(word.Text, out var weekday))
        {
            _pos = mark;
            day = null;
            return false;
        }

        _pos++;
        TakeAbbreviationDot();

        // «пт, 25 декабря» is how dates are echoed back, so users copy it; the date wins, the weekday checks it.
        var afterWeekday = _pos;
        Take(",");
        if (TryReadDate(timeFirst: false, out var date))
        {
            day = (CalendarDate)date with { Weekday = weekday };
            return true;
        }

        _pos = afterWeekday;
        day = new WeekdaySpec(weekday, mode);
        return !_rejected;
    }

    private bool TryReadDate(bool timeFirst, [NotNullWhen(true)] out DaySpec? day)
    {
        if (TryReadIsoDate(out day) || TryReadNumericDate(timeFirst, out day) || TryReadDayThenMonth(out day)
            || TryReadMonthThenDay(out day))
        {
            return true;
        }

        day = null;
        return false;
    }

    private bool TryReadIsoDate([NotNullWhen(true)] out DaySpec? day)
    {
        day = null;
        if (!IsNumberOfLength(_pos, 4, 4) || !IsGluedSymbol(_pos + 1, '-') || !IsNumberOfLength(_pos + 2, 1, 2)
            || !IsGluedSymbol(_pos + 3, '-') || !IsNumberOfLength(_pos + 4, 1, 2) || !IsGlued(_pos + 3, _pos + 4))
        {
            return false;
        }

        var year = NumberAt(_pos);
        var month = NumberAt(_pos + 2);
        var dayOfMonth = NumberAt(_pos + 4);
        _pos += 5;
        return AcceptDate(dayOfMonth, month, year, out day);
    }

    private bool TryReadNumericDate(bool timeFirst, [NotNullWhen(true)] out DaySpec? day)
    {
        day = null;
        if (!IsNumberOfLength(_pos, 1, 2) || !IsNumberOfLength(_pos + 2, 1, 2) || !IsGlued(_pos + 1, _pos + 2))
        {
            return false;
        }

        var separator = IsGluedSymbol(_pos + 1, '.') ? '.' : IsGluedSymbol(_pos + 1, '/') ? '/' : '\0';
        var first = NumberAt(_pos);
        var second = NumberAt(_pos + 2);
        var secondIsMinutes = _tokens[_pos + 2].Text.Length == 2 && first <= 23 && second <= 59;

        // «15.30» cannot be a date, so it is a time; «10.11» is 10 November unless a preposition
        // made it a time («в 10.11»).
        if (separator == '\0' || (separator == '.' && (second is < 1 or > 12 || (timeFirst && secondIsMinutes))))
        {
            return false;
        }

        var start = _tokens[_pos].Start;
        _pos += 3;
        int? year = null;
        if (IsGluedSymbol(_pos, separator) && IsGlued(_pos, _pos + 1)
            && (IsNumberOfLength(_pos + 1, 2, 2) || IsNumberOfLength(_pos + 1, 4, 4)))
        {
            var written = NumberAt(_pos + 1);
            year = written < 100 ? 2000 + written : written;
            _pos += 2;
        }

        if (separator == '/')
        {
            // «12/10» may be either order; the parser settles it by the user's language (see WhenParser).
            var dayFirst = IsDate(first, second, year);
            var monthFirst = IsDate(second, first, year);
            day = new CalendarDate(first, second, year)
            {
                Written = (start, LastEnd),
                DayFirstValid = dayFirst,
                MonthFirstValid = monthFirst,
            };
            return Reject(!dayFirst && !monthFirst);
        }

        return AcceptDate(first, second, year, out day);
    }

    private static bool IsDate(int dayOfMonth, int month, int? year)
    {
        var checkYear = year ?? 2000;
        return month is >= 1 and <= 12 && checkYear is >= 1 and <= 9999
            && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(checkYear, month);
    }

    private bool TryReadDayThenMonth([NotNullWhen(true)] out DaySpec? day)
    {
        var mark = _pos;
        if (IsNumberOfLength(_pos, 1, 2))
        {
            var dayOfMonth = NumberAt(_pos);
            _pos++;
            TakeOrdinalSuffix();
            Take("of");
            if (TryTakeMonth(out var month))
            {
                return AcceptDate(dayOfMonth, month, TakeYear(), out day);
            }
        }

        _pos = mark;
        day = null;
        return false;
    }

    private bool TryReadMonthThenDay([NotNullWhen(true)] out DaySpec? day)
    {
        var mark = _pos;
        if (TryTakeMonth(out var month) && IsNumberOfLength(_pos, 1, 2) && !IsGluedSymbol(_pos + 1, ':'))
        {
            var dayOfMonth = NumberAt(_pos);
            _pos++;
            TakeOrdinalSuffix();
            var afterDay = _pos;
            Take(",");
            var year = TakeYear();
            if (year is null)
            {
                _pos = afterDay;
            }

            return AcceptDate(dayOfMonth, month, year, out day);
        }

        _pos = mark;
        day = null;
        return false;
    }

    private bool TryTakeMonth(out int month)
    {
        if (Peek() is { Kind: TokenKind.Word } word && Months.TryGetValue(word.Text, out month))
        {
            _pos++;
            TakeAbbreviationDot();
            return true;
        }

        month = 0;
        return false;
    }

    /// <summary>A year after a written month: 2000–2099 only, so «25 декабря 1500» leaves 1500 to the note.</summary>
    private int? TakeYear()
    {
        if (!IsNumberOfLength(_pos, 4, 4) || IsGluedSymbol(_pos + 1, ':') || (IsGluedSymbol(_pos + 1, '.') && IsGluedNumber(_pos + 2)))
        {
            return null;
        }

        var year = NumberAt(_pos);
        if (year is < 2000 or > 2099)
        {
            return null;
        }

        _pos++;
        if (Take("г"))
        {
            TakeAbbreviationDot();
        }
        else
        {
            Take("года");
        }

        return year;
    }

    private bool AcceptDate(int dayOfMonth, int month, int? year, [NotNullWhen(true)] out DaySpec? day)
    {
        // Without a year, 29 February is possible in principle; the resolver decides for the actual year.
        day = new CalendarDate(dayOfMonth, month, year);
        return Reject(!IsDate(dayOfMonth, month, year));
    }

    // ---- offsets: «через 3 дня», "in 2 hours" ----

    private bool TryReadOffset(out int amount, out OffsetUnit unit)
    {
        var mark = _pos;
        amount = 0;
        unit = default;
        var russian = Take("через");
        if (!russian && !Take("in"))
        {
            return false;
        }

        if (Take("полчаса") || (!russian && Take("half") && Take("an") && Take("hour")))
        {
            amount = 30;
            unit = OffsetUnit.Minute;
            return true;
        }

        if (Peek() is { Kind: TokenKind.Number } number)
        {
            _pos++;
            amount = number.Text.Length <= 4 ? NumberAt(_pos - 1) : int.MaxValue;
        }
        else if (Peek() is { Kind: TokenKind.Word } word && NumberWords.TryGetValue(word.Text, out var spelled))
        {
            _pos++;
            amount = spelled;
        }
        else
        {
            // «через день», «через неделю»: Russian drops the one.
            amount = russian ? 1 : 0;
        }

        if (amount > 0 && Peek() is { Kind: TokenKind.Word } unitWord && Units.TryGetValue(unitWord.Text, out unit))
        {
            _pos++;
            TakeAbbreviationDot();
            return Reject(amount > MaxOffset);
        }

        _pos = mark;
        return false;
    }

    // ---- times ----

    private bool TryReadTime(out TimeOnly time)
    {
        if (TryReadPartOfDay(out var part))
        {
            // «утром в 9», «вечером в 7», «после обеда в 3»: the words say which half of the day the hour is in.
            var afterAdverb = _pos;
            if (part.Half is { } half && TryReadClock(half, out time))
            {
                return true;
            }

            _pos = afterAdverb;
            time = new TimeOnly(part.Hour, 0);
            return !_rejected;
        }

        return TryReadClock(null, out time);
    }

    /// <summary>«утром», «после обеда», «в обед», "in the afternoon", "at lunch": the longest phrase wins.</summary>
    private bool TryReadPartOfDay(out PartOfDay part)
    {
        var mark = _pos;
        foreach (var (words, value) in PartsOfDay)
        {
            _pos = mark;
            if (words.All(Take))
            {
                part = value;
                return true;
            }
        }

        _pos = mark;
        part = default;
        return false;
    }

    private bool TryReadClock(DayHalf? impliedHalf, out TimeOnly time)
    {
        var mark = _pos;
        time = default;
        var hasPreposition = TakeAny(TimePrepositions) is not null;
        if (Take("полдень") || Take("noon") || Take("midday"))
        {
            time = new TimeOnly(12, 0);
            return true;
        }

        if (!TryReadHourMinute(hasPreposition, out var hour, out var minute, out var hourOnly, out var leadingZero))
        {
            _pos = mark;
            return false;
        }

        int? resolved;
        if (TryReadMeridiem(out var pm))
        {
            resolved = hour is >= 1 and <= 12 ? hour % 12 + (pm ? 12 : 0) : null;
        }
        else if (TryReadHalfSuffix(out var half))
        {
            resolved = ApplyHalf(hour, half);
        }
        else if (impliedHalf is { } implied)
        {
            resolved = ApplyHalf(hour, implied);
        }
        else if (hourOnly && !hasPreposition)
        {
            // A bare number («завтра 5 коробок») is not a time.
            _pos = mark;
            return false;
        }
        else
        {
            // Nobody books a sales call at 3 a.m.: «в 3» is 15:00. A leading zero («03:00») keeps it literal.
            resolved = hour is >= 1 and <= 6 && !leadingZero ? hour + 12 : hour;
        }

        if (Reject(resolved is null))
        {
            time = new TimeOnly(resolved!.Value, minute);
            return true;
        }

        return false;
    }

    private bool TryReadHourMinute(bool hasPreposition, out int hour, out int minute, out bool hourOnly, out bool leadingZero)
    {
        hour = minute = 0;
        hourOnly = leadingZero = false;
        if (!IsNumberOfLength(_pos, 1, 2))
        {
            return false;
        }

        hour = NumberAt(_pos);
        leadingZero = _tokens[_pos].Text.Length == 2 && _tokens[_pos].Text[0] == '0';
        var colon = IsGluedSymbol(_pos + 1, ':');
        var dot = IsGluedSymbol(_pos + 1, '.');
        if ((colon || dot) && IsNumberOfLength(_pos + 2, 2, 2) && IsGlued(_pos + 1, _pos + 2))
        {
            minute = NumberAt(_pos + 2);
            if (dot && !hasPreposition && minute is >= 1 and <= 12)
            {
                return false;
            }

            _pos += 3;
            return Reject(hour > 23 || minute > 59);
        }

        if (colon)
        {
            // «15:0», «15:000»
            return Reject(true);
        }

        hourOnly = true;
        _pos++;
        TakeAny(HourWords);
        if (hour > 23)
        {
            return Reject(hasPreposition);
        }

        return true;
    }

    private bool TryReadMeridiem(out bool pm)
    {
        var mark = _pos;
        pm = false;
        if (Take("am") || (pm = Take("pm")))
        {
            return true;
        }

        // "3 p.m."
        if ((Take("a") || (pm = Take("p"))) && Take(".") && Take("m"))
        {
            TakeAbbreviationDot();
            return true;
        }

        _pos = mark;
        pm = false;
        return false;
    }

    private bool TryReadHalfSuffix(out DayHalf half)
    {
        if (Peek() is { Kind: TokenKind.Word } word && PartOfDaySuffixes.TryGetValue(word.Text, out half))
        {
            _pos++;
            return true;
        }

        var beforePart = _pos;
        if (TryReadPartOfDay(out var part) && part.Half is { } adverbHalf)
        {
            half = adverbHalf;
            return true;
        }

        _pos = beforePart;
        if (Take("at") && Take("night"))
        {
            half = DayHalf.Night;
            return true;
        }

        _pos = beforePart;
        half = default;
        return false;
    }

    /// <summary>«3 дня» is 15:00, «7 вечера» 19:00, «2 ночи» 02:00, «11 ночи» 23:00; «15 утра» is nonsense.</summary>
    private static int? ApplyHalf(int hour, DayHalf half) => half switch
    {
        DayHalf.Morning => hour <= 11 ? hour : null,
        DayHalf.Afternoon => hour switch
        {
            12 => 12,
            >= 1 and <= 6 => hour + 12,
            >= 13 and <= 18 => hour,
            _ => null,
        },
        DayHalf.Evening => hour switch
        {
            >= 3 and <= 11 => hour + 12,
            >= 15 and <= 23 => hour,
            _ => null,
        },
        _ => hour switch
        {
            12 => 0,
            <= 5 => hour,
            >= 9 and <= 11 => hour + 12,
            >= 21 and <= 23 => hour,
            _ => null,
        },
    };

    // ---- token helpers ----

    private int LastEnd => _pos == 0 ? 0 : _tokens[_pos - 1].End;

    private Token? Peek(int ahead = 0) => _pos + ahead < _tokens.Count ? _tokens[_pos + ahead] : null;

    /// <summary>Marks the phrase rejected when <paramref name="invalid"/>; returns whether it is still acceptable.</summary>
    private bool Reject(bool invalid)
    {
        _rejected |= invalid;
        return !invalid;
    }

    private bool Take(string text)
    {
        if (Peek() is { } token && token.Text == text)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private string? TakeAny(string[] words)
    {
        foreach (var word in words)
        {
            if (Take(word))
            {
                return word;
            }
        }

        return null;
    }

    private string? TakeFrom(IReadOnlySet<string> words)
    {
        if (Peek() is { Kind: TokenKind.Word } word && words.Contains(word.Text))
        {
            _pos++;
            return word.Text;
        }

        return null;
    }

    /// <summary>«пт.», «дек.», "Fri." — but not the dot of «25.12».</summary>
    private void TakeAbbreviationDot()
    {
        if (IsGluedSymbol(_pos, '.') && !(_pos + 1 < _tokens.Count && IsGlued(_pos, _pos + 1) && _tokens[_pos + 1].Kind != TokenKind.Symbol))
        {
            _pos++;
        }
    }

    private void TakeOrdinalSuffix()
    {
        if (Peek() is { Kind: TokenKind.Word } word && OrdinalSuffixes.Contains(word.Text) && IsGlued(_pos - 1, _pos))
        {
            _pos++;
        }
    }

    private bool IsGlued(int left, int right) =>
        left >= 0 && right < _tokens.Count && _tokens[left].End == _tokens[right].Start;

    private bool IsGluedSymbol(int index, char symbol) =>
        index < _tokens.Count && _tokens[index].IsSymbol(symbol) && IsGlued(index - 1, index);

    private bool IsNumberOfLength(int index, int min, int max) =>
        index < _tokens.Count && _tokens[index].Kind == TokenKind.Number
        && _tokens[index].Text.Length >= min && _tokens[index].Text.Length <= max;

    private bool IsGluedNumber(int index) =>
        index < _tokens.Count && _tokens[index].Kind == TokenKind.Number && IsGlued(index - 1, index);

    private int NumberAt(int index) => int.Parse(_tokens[index].Text, CultureInfo.InvariantCulture);
}
