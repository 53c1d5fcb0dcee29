namespace ChatCrm.Core.Parsing;

/// <summary>
/// What follows the client in <c>/call Ромашка обсудили цену далее пт 15:00 прислать КП дата вчера</c>: the touch's
/// note, the next contact (<c>next</c>/<c>далее</c> + a date, the words after it are that contact's note) and the
/// back-dated moment (<c>at</c>/<c>дата</c> + a date).
/// </summary>
public sealed record TouchArguments(string Note, WhenPhrase? Next, string NextNote, WhenPhrase? At);

public static class TouchArgumentsParser
{
    private static readonly string[] NextWords = ["next", "далее"];
    private static readonly string[] AtWords = ["at", "дата"];

    /// <summary>
    /// A keyword counts only as a whole word followed by a readable date, so «обсудили дату» or "call at the office"
    /// stay in the note. The first <c>next</c> and the first <c>at</c> that read as dates win; later ones are note text.
    /// </summary>
    public static TouchArguments Parse(string text, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        var note = new List<string>();
        var nextNote = new List<string>();
        WhenPhrase? next = null;
        WhenPhrase? at = null;
        var target = note;
        var pieceStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var wordEnd = i;
            while (wordEnd < text.Length && !char.IsWhiteSpace(text[wordEnd]))
            {
                wordEnd++;
            }

            var word = text[i..wordEnd];
            var isNext = next is null && NextWords.Contains(word, StringComparer.OrdinalIgnoreCase);
            var isAt = at is null && AtWords.Contains(word, StringComparer.OrdinalIgnoreCase);
            if ((isNext || isAt) && WhenParser.TryParsePrefix(text[wordEnd..], nowUtc, zone) is { Length: > 0 } phrase)
            {
                Add(target, text[pieceStart..i]);
                if (isNext)
                {
                    next = phrase;
                    target = nextNote;
                }
                else
                {
                    at = BackDated(text[wordEnd..(wordEnd + phrase.Length)], phrase, nowUtc, zone);
                    target = note;
                }

                i = pieceStart = wordEnd + phrase.Length;
                continue;
            }

            i = wordEnd;
        }

        Add(target, text[pieceStart..]);
        return new TouchArguments(string.Join(' ', note), next, string.Join(' ', nextNote), at);
    }

    /// <summary>
    /// The date reader takes a bare time already past as tomorrow's; after <c>at</c> the user means today's
    /// («дата 10:00» said at 15:00). A phrase that named its day keeps it, and a future one is refused later.
    /// </summary>
    private static WhenPhrase BackDated(string phraseText, WhenPhrase phrase, DateTime nowUtc, TimeZoneInfo zone)
    {
        if (phrase.Utc <= nowUtc || !phrase.HasTime || phrase.Utc - nowUtc > TimeSpan.FromDays(1))
        {
            return phrase;
        }

        const string today = "сегодня ";
        var asToday = WhenParser.TryParsePrefix(today + phraseText.TrimStart(), nowUtc, zone);
        return asToday is not null && asToday.Length == today.Length + phraseText.TrimStart().Length && asToday.Utc <= nowUtc
            ? asToday with { Length = phrase.Length }
            : phrase;
    }

    private static void Add(List<string> target, string piece)
    {
        var trimmed = piece.Trim();
        if (trimmed.Length > 0)
        {
            target.Add(trimmed);
        }
    }
}
