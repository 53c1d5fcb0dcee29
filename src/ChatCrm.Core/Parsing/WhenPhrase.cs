namespace ChatCrm.Core.Parsing;

/// <summary>A parsed date/time phrase.</summary>
/// <param name="LocalDateTime">The moment on the user's wall clock (<see cref="DateTimeKind.Unspecified"/>);
/// 00:00 of the day when <paramref name="HasTime"/> is false.</param>
/// <param name="Utc">The same moment as a UTC instant (<see cref="DateTimeKind.Utc"/>).</param>
/// <param name="HasTime">Whether the phrase named a time of day or an exact span («через 2 часа»).</param>
/// <param name="Length">How many characters of the input, leading spaces included, the phrase took.</param>
public sealed record WhenPhrase(DateTime LocalDateTime, DateTime Utc, bool HasTime, int Length);
