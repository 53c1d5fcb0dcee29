using System.Diagnostics.CodeAnalysis;

namespace ChatCrm.Core.Parsing;

/// <summary>Why a period could not be read; each maps to one sentence in the user's language.</summary>
public enum PeriodProblem
{
    /// <summary>Read fine.</summary>
    None,

    /// <summary>Nothing was given.</summary>
    Empty,

    /// <summary>The words are not a period («foo», «прошлый»).</summary>
    Unknown,

    /// <summary>A date or month that does not exist («32.13», «31.02.2026», «13.2026», a year outside 2000–2100).</summary>
    InvalidDate,

    /// <summary>A range that ends before it starts («31.12.2026–01.10.2026», «15.11–10.11»).</summary>
    ReversedRange,
}

/// <summary>
/// The outcome of reading a period: either <see cref="Period"/>, or a <see cref="Problem"/> with
/// <see cref="Unreadable"/> — the piece of the input to quote back («не понял «32.13»»).
/// </summary>
public sealed record PeriodReading
{
    private PeriodReading(ReportPeriod? period, PeriodProblem problem, string? unreadable)
    {
        (Period, Problem, Unreadable) = (period, problem, unreadable);
    }

    public ReportPeriod? Period { get; }

    public PeriodProblem Problem { get; }

    /// <summary>What could not be read, as the user typed it (trimmed); null on success and for <see cref="PeriodProblem.Empty"/>.</summary>
    public string? Unreadable { get; }

    [MemberNotNullWhen(true, nameof(Period))]
    public bool Success => Period is not null;

    public static PeriodReading Read(ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new(period, PeriodProblem.None, null);
    }

    public static PeriodReading Failed(PeriodProblem problem, string? unreadable) =>
        problem == PeriodProblem.None
            ? throw new ArgumentException("A failure needs a problem.", nameof(problem))
            : new(null, problem, unreadable);
}

/// <summary>A period found at the start of a command's words, and how many of those words it took.</summary>
/// <param name="Reading">The period, or why the period-like start could not be read.</param>
/// <param name="WordCount">Words taken on success; 0 on failure (the caller answers with the problem instead).</param>
public sealed record PeriodPrefix(PeriodReading Reading, int WordCount);
