using ChatCrm.Core.Domain.Users;

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
    /// Verbs that name the next contact when a date follows them: «перезвонить в пт», "follow up Monday". Only the
    /// infinitive, the imperative and the future — «перезвонил вчера» tells what happened, not what is planned.
    /// </summary>
    private static readonly string[][] NextVerbs =
    [
        ["перезвонить"], ["перезвоню"], ["перезвоним"], ["перезвони"], ["позвонить"], ["позвоню"], ["позвоним"],
        ["набрать"], ["наберу"], ["наберём"], ["наберем"], ["созвониться"], ["созвонимся"], ["созвон"],
        ["написать"], ["напишу"], ["напишем"], ["напомнить"], ["напомню"], ["напомни"],
        ["связаться"], ["свяжусь"], ["свяжемся"], ["встретиться"], ["встретимся"], ["встреча"],
        ["follow", "up"], ["follow-up"], ["followup"], ["call", "back"], ["callback"], ["ping"], ["remind"],
        ["check", "in"], ["touch", "base"], ["reach", "out"], ["get", "back"], ["reconnect"], ["meet"],
    ];

    /// <summary>
    /// A keyword counts only as a whole word followed by a readable date, so «обсудили дату» or "call at the office"
    /// stay in the note. The first <c>next</c> and the first <c>at</c> that read as dates win; later ones are note text.
    /// A verb meaning "next" followed by a date plans the next contact the way <c>далее</c> does, and stays as the
    /// start of that contact's note. The date after <c>at</c> is read into the past (back-dating, see
    /// <see cref="WhenDirection.Past"/>); the others forward.
    /// </summary>
    /// <param name="language">The user's language: how «12/10» is read.</param>
    public static TouchArguments Parse(string text, DateTime nowUtc, TimeZoneInfo zone, Language language = Language.Ru)
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

            var wordEnd = WordEnd(text, i);
            var word = text[i..wordEnd];
            var isNext = next is null && NextWords.Contains(word, StringComparer.OrdinalIgnoreCase);
            var isAt = at is null && AtWords.Contains(word, StringComparer.OrdinalIgnoreCase);
            if ((isNext || isAt)
                && WhenParser.TryParsePrefix(text[wordEnd..], nowUtc, zone, isAt ? WhenDirection.Past : WhenDirection.Forward, language)
                    is { Length: > 0 } phrase)
            {
                Add(target, text[pieceStart..i]);
                if (isNext)
                {
                    next = phrase;
                    target = nextNote;
                }
                else
                {
                    at = phrase;
                    target = note;
                }

                i = pieceStart = wordEnd + phrase.Length;
                continue;
            }

            if (next is null && VerbEnd(text, i) is { } verbEnd
                && WhenParser.TryParsePrefix(text[verbEnd..], nowUtc, zone, WhenDirection.Forward, language) is { Length: > 0 } planned)
            {
                Add(target, text[pieceStart..i].TrimEnd().TrimEnd(',', ';', '—', '-', ':'));
                next = planned;
                target = nextNote;
                Add(target, text[i..verbEnd]);
                i = pieceStart = verbEnd + planned.Length;
                continue;
            }

            i = wordEnd;
        }

        Add(target, text[pieceStart..]);
        return new TouchArguments(string.Join(' ', note), next, string.Join(' ', nextNote), at);
    }

    private static int WordEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Where a verb meaning "next" that starts at <paramref name="start"/> ends; null when none does.</summary>
    /// <summary>
    /// The length of a verb meaning "next" that <paramref name="text"/> starts with («перезвонить в пт», "follow up
    /// Monday"), or null: /plan reads the date after it and keeps the verb as the contact's note.
    /// </summary>
    public static int? LeadingNextVerb(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start < text.Length ? VerbEnd(text, start) : null;
    }

    private static int? VerbEnd(string text, int start)
    {
        foreach (var verb in NextVerbs)
        {
            var i = start;
            var matched = true;
            foreach (var part in verb)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]) && i > start)
                {
                    i++;
                }

                var end = WordEnd(text, i);
                if (!text.AsSpan(i, end - i).TrimEnd(",.;:").Equals(part, StringComparison.OrdinalIgnoreCase)
                    || (end - i != part.Length && part != verb[^1]))
                {
                    matched = false;
                    break;
                }

                i = end;
            }

            if (matched)
            {
                return i;
            }
        }

        return null;
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
