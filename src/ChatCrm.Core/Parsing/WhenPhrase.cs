namespace ChatCrm.Core.Parsing;

/// <summary>A parsed date/time phrase.</summary>
/// <param name="LocalDateTime">The moment on the user's wall clock (<see cref="DateTimeKind.Unspecified"/>);
/// 00:00 of the day when <paramref name="HasTime"/> is false.</param>
/// <param name="Utc">The same moment as a UTC instant (<see cref="DateTimeKind.Utc"/>).</param>
/// <param name="HasTime">Whether the phrase named a time of day or an exact span («через 2 часа»).</param>
/// <param name="Length">How many characters of the input, leading spaces included, the phrase took.</param>
public sealed record WhenPhrase(DateTime LocalDateTime, DateTime Utc, bool HasTime, int Length)
{
    /// <summary>Set when the day was written «a/b» and both orders are dates the user may have meant («12/10» from
    /// an English user): the phrase holds one of them, the caller asks which.</summary>
    public DateAmbiguity? Ambiguity { get; init; }
}

/// <summary>The two readings of «12/10»; <paramref name="Written"/> is the date exactly as typed.</summary>
public sealed record DateAmbiguity(string Written, WhenPhrase DayFirst, WhenPhrase MonthFirst)
{
    /// <summary>«12/10» as «dd.mm», which always reads day-first, for the reading picked.</summary>
    public static string Unambiguous(WhenPhrase reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return reading.LocalDateTime.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A day named inside a note: <paramref name="Text"/> as written, <paramref name="When"/> as read.</summary>
public sealed record DayMention(string Text, WhenPhrase When);
