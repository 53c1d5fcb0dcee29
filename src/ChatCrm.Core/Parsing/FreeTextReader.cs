using System.Globalization;
using ChatCrm.Core.Matching;

namespace ChatCrm.Core.Parsing;

/// <summary>A touch done (<see cref="Log"/>: /call, /meet, /demo, /email) or a contact to plan (<see cref="Plan"/>: /plan).</summary>
public enum FreeTextActionKind
{
    Log,
    Plan,
}

/// <summary>
/// One action read in a message typed without a command. <paramref name="WorkType"/> is the code of a default work type
/// (call, meeting, demo, email); <paramref name="When"/> is the planned moment, null when a plan named none.
/// </summary>
public sealed record FreeTextAction(FreeTextActionKind Kind, string WorkType, WhenPhrase? When);

/// <summary>
/// Where the client may be named: the text after a verb (<paramref name="Strong"/>: a close match may be offered
/// there, the user confirms it) or elsewhere (only an exact name counts). What follows the name in a logged touch's
/// clause is that touch's note (<paramref name="RestIsNote"/>). A <paramref name="Rival"/> is a clause with no action of
/// its own: when it starts with another client's exact name («Позвонил Ромашке и Лютик»), which client is unclear.
/// </summary>
public sealed record FreeTextClientText(string Text, bool Strong, bool RestIsNote, bool Rival = false);

/// <summary>The client a reading settled on: how commands name it, how the user sees it, and the note left after it.</summary>
public sealed record FreeTextClient(string Reference, string Name, string Note);

/// <summary>One equivalent command, as it runs (<see cref="Text"/>), the actions it does and the note it carries.</summary>
public sealed record FreeTextCommand(string Name, string Args, IReadOnlyList<FreeTextAction> Actions, string Note = "")
{
    public string Text => $"/{Name} {Args}";
}

/// <summary>What a free-text message reads as: the actions, where the client may be named, and the note left over.</summary>
public sealed record FreeTextReading(IReadOnlyList<FreeTextAction> Actions, IReadOnlyList<FreeTextClientText> ClientTexts, string Note)
{
    public static readonly FreeTextReading Nothing = new([], [], "");

    public bool HasActions => Actions.Count > 0;

    /// <summary>
    /// The client, given what the finder makes of each <see cref="ClientTexts"/> entry (its ids, for a result of
    /// <see cref="ClientReference.Resolve"/>, and the rest after the name): the first exact match; else a single
    /// suggestion after a verb. Null when no text names a client, or two texts name different ones.
    /// </summary>
    public FreeTextClient? PickClient(Func<FreeTextClientText, (ClientMatch Match, Func<long, string> NameOf)> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        FreeTextClient? picked = null;
        long? pickedId = null;
        foreach (var candidate in ClientTexts.Where(c => !c.Rival))
        {
            var (match, nameOf) = find(candidate);
            var accept = match.Kind == ClientMatchKind.Exact
                || (candidate.Strong && match.Kind == ClientMatchKind.Suggestions && match.Ids.Count == 1);
            if (!accept)
            {
                continue;
            }

            var id = match.Ids[0];
            if (pickedId is { } other && other != id && candidate.Strong)
            {
                return null;
            }

            if (pickedId is null)
            {
                pickedId = id;
                var name = nameOf(id);
                // «Ромашка, позвонил, обсудили цену»: the clause that only named the client is no note.
                var said = string.Join(", ", Note.Split(", ").Where(part => ClientNames.MatchKey(part) != ClientNames.MatchKey(name)));
                var note = candidate.RestIsNote ? Join(match.Rest, said) : said;
                picked = new FreeTextClient("#c" + id.ToString(CultureInfo.InvariantCulture), name, note);
            }
        }

        return ClientTexts.Where(c => c.Rival).Select(c => find(c).Match)
            .Any(m => m.Kind == ClientMatchKind.Exact && m.Ids[0] != pickedId) ? null : picked;
    }

    /// <summary>
    /// The commands that do these actions for <paramref name="client"/>, in order: each logged touch (the first carries
    /// the note, and the plan that follows it when the plan is of the same work type, as <c>далее</c>/<c>next</c>), then
    /// the other plans. Dates are written out in full so a late tap plans the same moment the proposal showed.
    /// </summary>
    public IReadOnlyList<FreeTextCommand> Commands(string clientReference, string note, bool russian)
    {
        var commands = new List<FreeTextCommand>();
        var plans = Actions.Where(a => a.Kind == FreeTextActionKind.Plan).ToList();
        var first = true;
        foreach (var log in Actions.Where(a => a.Kind == FreeTextActionKind.Log))
        {
            var carried = first ? SafeNote(note) : "";
            var args = clientReference + (carried.Length > 0 ? " " + carried : "");
            var actions = new List<FreeTextAction> { log };
            if (plans.FirstOrDefault(p => p.WorkType == log.WorkType && p.When is not null) is { } next)
            {
                args += $" {(russian ? "далее" : "next")} {DateText(next.When!)}";
                actions.Add(next);
                plans.Remove(next);
            }

            commands.Add(new FreeTextCommand(LogCommand(log.WorkType), args, actions, carried));
            first = false;
        }

        foreach (var plan in plans)
        {
            var args = $"{clientReference} {WorkTypeWord(plan.WorkType, russian)}" + (plan.When is { } when ? " " + DateText(when) : "");
            commands.Add(new FreeTextCommand("plan", args, [plan]));
        }

        return commands;
    }

    /// <summary>The command that logs a touch of a default work type.</summary>
    public static string LogCommand(string workType) => workType switch
    {
        "meeting" => "meet",
        "demo" => "demo",
        "email" => "email",
        _ => "call",
    };

    /// <summary>A work type as /plan reads it (<see cref="WorkTypeWords"/>): the Russian word or the code.</summary>
    public static string WorkTypeWord(string workType, bool russian) => !russian ? workType : workType switch
    {
        "meeting" => "встреча",
        "demo" => "демо",
        "email" => "письмо",
        _ => "звонок",
    };

    /// <summary>A moment the date reader reads back the same whenever it is read: «04.12.2026 11:00».</summary>
    public static string DateText(WhenPhrase when) =>
        when.LocalDateTime.ToString(when.HasTime ? "dd.MM.yyyy HH:mm" : "dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A note must not carry the keywords a touch command reads (<c>далее</c>, <c>next</c>, <c>дата</c>, <c>at</c>).</summary>
    private static string SafeNote(string note) =>
        string.Join(' ', note.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToLowerInvariant() is "далее" or "next" or "дата" or "at" ? "«" + w + "»" : w));

    private static string Join(string a, string b)
    {
        a = a.Trim(' ', ',', '.', ';', ':', '—', '-');
        return a.Length == 0 ? b : b.Length == 0 ? a : a + ", " + b;
    }
}

/// <summary>
/// Reads a manager's message typed without a command — «Позвонил в Ромашку, договорились о демо в пятницу в 11»,
/// "Called Acme, sending the proposal, follow up next Tue" — as the touches it reports and the contacts it plans.
/// Deterministic: verbs of calling, meeting, writing and sending (done: a touch to log), of agreeing, postponing and
/// following up, or a work type with a date (a contact to plan), in Russian and English. Dates are the date reader's
/// (<see cref="WhenParser"/>); the client is left to the finder (<see cref="FreeTextReading.ClientTexts"/>).
/// </summary>
public static class FreeTextReader
{
    private enum Verb
    {
        Done,       // позвонил, called: a touch of the verb's type
        DoneOf,     // провели, had: a touch of the work type named next to it
        Future,     // перезвонить, follow up: a contact of the verb's type, with or without a date
        Arrange,    // договорились, перенесли, далее: a contact at the date named, of the type named or the last one
    }

    private static readonly Dictionary<string, (Verb Verb, string? Type)> Verbs = BuildVerbs();

    /// <summary>Nouns that name a work type: «демо в пятницу», «встреча с Ромашкой», "call Acme tomorrow".</summary>
    private static readonly Dictionary<string, string> Nouns = new(StringComparer.Ordinal)
    {
        ["звонок"] = "call", ["звонка"] = "call", ["созвон"] = "call", ["call"] = "call", ["звонку"] = "call",
        ["встреча"] = "meeting", ["встречу"] = "meeting", ["встрече"] = "meeting", ["встречи"] = "meeting",
        ["meeting"] = "meeting", ["visit"] = "meeting", ["визит"] = "meeting",
        ["демо"] = "demo", ["демку"] = "demo", ["демка"] = "demo", ["демонстрацию"] = "demo", ["демонстрация"] = "demo",
        ["презентацию"] = "demo", ["презентация"] = "demo", ["презентации"] = "demo", ["demo"] = "demo", ["presentation"] = "demo",
        ["письмо"] = "email", ["email"] = "email", ["e-mail"] = "email", ["мейл"] = "email",
    };

    /// <summary>What may stand between a verb and the client: «отправил КП в Ромашку», "sent the proposal to Acme".</summary>
    private static readonly HashSet<string> Skippable = new(StringComparer.Ordinal)
    {
        "в", "во", "с", "со", "к", "ко", "у", "для", "по", "на", "из", "от", "до", "и", "о", "об", "про", "about",
        "to", "with", "at", "from", "the", "a", "an", "for", "on", "up", "back",
        "кп", "письмо", "предложение", "коммерческое", "счет", "договор", "прайс", "ему", "им", "ей", "ещё", "еще", "уже", "снова",
        "proposal", "quote", "invoice", "contract", "pricing", "price", "list", "email", "e-mail", "again",
        "демо", "демку", "презентацию", "встречу", "звонок", "demo", "meeting", "call", "presentation",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "в", "во", "с", "со", "к", "ко", "у", "для", "to", "with", "at", "from", "for",
    };

    /// <summary>The actions <paramref name="text"/> reports or plans; <see cref="FreeTextReading.Nothing"/> when it reads as none.</summary>
    public static FreeTextReading Read(string text, DateTime nowUtc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart().StartsWith('/'))
        {
            return FreeTextReading.Nothing;
        }

        var actions = new List<FreeTextAction>();
        var clients = new List<FreeTextClientText>();
        var note = new List<string>();
        var firstClause = true;
        foreach (var clause in Clauses(text, nowUtc, zone))
        {
            var words = Words(clause);
            var pieces = Pieces(words);
            var acted = false;
            foreach (var (from, to) in pieces)
            {
                var piece = words[from..to].ToArray();
                var action = Read(clause, piece, actions, firstClause && from == 0, nowUtc, zone, out var clientAfter);
                if (action is null)
                {
                    continue;
                }

                acted = true;
                if (!actions.Contains(action))
                {
                    actions.Add(action);
                }

                if (clientAfter is { } after && ClientText(clause, piece, after) is { Length: > 0 } named)
                {
                    clients.Add(new FreeTextClientText(named, Strong: true, RestIsNote: action.Kind == FreeTextActionKind.Log));
                }
            }

            if (!acted && clause.Trim(' ', ',', '.', ';', '!', '?', ':', '—', '-') is { Length: > 0 } said)
            {
                note.Add(said);
                clients.Add(new FreeTextClientText(said, Strong: false, RestIsNote: false, Rival: true));
            }

            firstClause = false;
        }

        if (actions.Count == 0)
        {
            return FreeTextReading.Nothing;
        }

        // Weaker places for the name: the start of the message («Ромашка: созвонились») and after any preposition.
        clients.Add(new FreeTextClientText(text.Trim(), Strong: false, RestIsNote: false));
        var all = Words(text);
        for (var i = 0; i + 1 < all.Count; i++)
        {
            if (Prepositions.Contains(all[i].Key))
            {
                clients.Add(new FreeTextClientText(text[all[i + 1].Start..].Trim(), Strong: false, RestIsNote: false));
            }
        }

        return new FreeTextReading(actions, clients, string.Join(", ", note));
    }

    /// <summary>
    /// The action of one piece (a verb and the words up to the next verb), or null; <paramref name="clientAfter"/> is
    /// the index in <paramref name="piece"/> after which the client may be named.
    /// </summary>
    private static FreeTextAction? Read(string clause, Word[] piece, List<FreeTextAction> sofar, bool startsMessage,
        DateTime nowUtc, TimeZoneInfo zone, out int? clientAfter)
    {
        clientAfter = null;
        var verbAt = Array.FindIndex(piece, w => Verbs.ContainsKey(w.Key) || IsFollowUp(piece, w));
        var nounAt = Array.FindIndex(piece, w => Nouns.ContainsKey(w.Key));
        var noun = nounAt >= 0 ? Nouns[piece[nounAt].Key] : null;
        var when = FindDate(clause, piece, nowUtc, zone);
        var lastLogged = sofar.LastOrDefault(a => a.Kind == FreeTextActionKind.Log)?.WorkType;

        if (verbAt >= 0)
        {
            var (verb, type) = IsFollowUp(piece, piece[verbAt]) ? (Verb.Future, "call") : Verbs[piece[verbAt].Key];
            clientAfter = verbAt;
            switch (verb)
            {
                case Verb.Done when type is not null:
                    return new FreeTextAction(FreeTextActionKind.Log, type, null);
                case Verb.DoneOf when noun is not null:
                    return new FreeTextAction(FreeTextActionKind.Log, noun, null);
                case Verb.Future when type is not null:
                    return new FreeTextAction(FreeTextActionKind.Plan, noun ?? type, when);
                case Verb.Arrange when when is not null:
                    return new FreeTextAction(FreeTextActionKind.Plan, noun ?? lastLogged ?? "call", when);
                default:
                    clientAfter = null;
                    return null;
            }
        }

        if (noun is not null && when is not null)
        {
            clientAfter = nounAt;
            return new FreeTextAction(FreeTextActionKind.Plan, noun, when);
        }

        if (noun is not null && startsMessage && nounAt <= 1)
        {
            // «Встреча с Ромашкой, обсудили цену»: a message that opens with a work type reports one.
            clientAfter = nounAt;
            return new FreeTextAction(FreeTextActionKind.Log, noun, null);
        }

        if (noun is null && when is not null && sofar.Count > 0 && IsOnlyDate(clause, piece, when, nowUtc, zone))
        {
            // «Позвонил Ромашке. Пт 11:00»: a bare date after a touch is its next contact.
            return new FreeTextAction(FreeTextActionKind.Plan, lastLogged ?? "call", when);
        }

        return null;
    }

    private static bool IsFollowUp(Word[] piece, Word w)
    {
        var i = Array.IndexOf(piece, w);
        return w.Key is "follow-up" or "followup"
            || (w.Key == "follow" && i + 1 < piece.Length && piece[i + 1].Key == "up")
            || (w.Key is "call" or "ring" && i + 1 < piece.Length && piece[i + 1].Key == "back");
    }

    /// <summary>The first date phrase in the piece that the date reader takes as a whole (it may run past the piece).</summary>
    private static WhenPhrase? FindDate(string clause, Word[] piece, DateTime nowUtc, TimeZoneInfo zone)
    {
        foreach (var w in piece)
        {
            if (w.Key.Length == 0 || w.Key is "на" or "on" or "to" or "for")
            {
                continue;
            }

            if (WhenParser.TryParsePrefix(clause[w.Start..], nowUtc, zone) is { Length: > 0 } phrase && phrase.Utc > nowUtc)
            {
                return phrase;
            }
        }

        return null;
    }

    /// <summary>At most two words of the piece lie outside its date phrase («потом пт 11:00», «ну и в пятницу»).</summary>
    private static bool IsOnlyDate(string clause, Word[] piece, WhenPhrase when, DateTime nowUtc, TimeZoneInfo zone)
    {
        var at = Array.FindIndex(piece, w => WhenParser.TryParsePrefix(clause[w.Start..], nowUtc, zone) == when);
        if (at < 0)
        {
            return false;
        }

        var end = piece[at].Start + when.Length;
        return piece.Count(w => w.Start < piece[at].Start || w.Start >= end) <= 2;
    }

    /// <summary>The text after the verb (or noun) at <paramref name="after"/>, skipping prepositions and objects.</summary>
    private static string ClientText(string clause, Word[] piece, int after)
    {
        var i = after + 1;
        while (i < piece.Length && (Skippable.Contains(piece[i].Key) || Nouns.ContainsKey(piece[i].Key)))
        {
            i++;
        }

        if (i >= piece.Length)
        {
            return "";
        }

        var end = piece[^1].End;
        return clause[piece[i].Start..end].Trim();
    }

    /// <summary>Splits a piece of a clause at each verb, so «позвонил в Ромашку договорились о демо» is two.</summary>
    private static List<(int From, int To)> Pieces(List<Word> words)
    {
        var starts = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (Verbs.ContainsKey(words[i].Key) || words[i].Key is "follow-up" or "followup"
                || (words[i].Key == "follow" && i + 1 < words.Count && words[i + 1].Key == "up"))
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0 || starts[0] != 0)
        {
            starts.Insert(0, 0);
        }

        return [.. starts.Select((s, k) => (s, k + 1 < starts.Count ? starts[k + 1] : words.Count)).Where(p => p.Item2 > p.s)];
    }

    /// <summary>
    /// Clauses split at punctuation and at «и»/"and"/«потом»/"then"; a clause that is only a date («в 11») belongs
    /// to the one before it, and a dot inside a date («04.12») splits nothing.
    /// </summary>
    private static List<string> Clauses(string text, DateTime nowUtc, TimeZoneInfo zone)
    {
        var raw = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var split = c is ',' or ';' or '!' or '?' or '\n' or '+' or '(' or ')'
                || (c == '.' && (i + 1 == text.Length || !char.IsDigit(text[i + 1])))
                || (c is '—' or '–' && i > 0 && char.IsWhiteSpace(text[i - 1]));
            if (split)
            {
                raw.Add(text[start..i]);
                start = i + 1;
            }
        }

        raw.Add(text[start..]);

        var clauses = new List<string>();
        foreach (var piece in raw.SelectMany(SplitAtConjunctions))
        {
            if (piece.Trim().Length == 0)
            {
                continue;
            }

            // «пт, в 11» is one date; but after a reported touch a date alone is its next contact, a clause of its own.
            if (clauses.Count > 0 && WhenParser.TryParse(piece.Trim(), nowUtc, zone) is not null
                && !Words(clauses[^1]).Any(w => Verbs.TryGetValue(w.Key, out var v) && v.Verb is Verb.Done or Verb.DoneOf))
            {
                clauses[^1] = clauses[^1] + ", " + piece.Trim();
            }
            else
            {
                clauses.Add(piece);
            }
        }

        return clauses;
    }

    private static IEnumerable<string> SplitAtConjunctions(string clause)
    {
        var words = Words(clause);
        var start = 0;
        foreach (var w in words)
        {
            if (w.Key is "и" or "and" or "потом" or "then" or "затем" && w.Start > start)
            {
                yield return clause[start..w.Start];
                start = w.End;
            }
        }

        yield return clause[start..];
    }

    private readonly record struct Word(int Start, int End, string Key);

    private static List<Word> Words(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] == '-' && i + 1 < text.Length && IsWordChar(text[i + 1]))
                       || (text[i] is '.' or ':' && i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
            {
                i++;
            }

            words.Add(new Word(start, i, text[start..i].ToLowerInvariant().Replace('ё', 'е')));
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '#' or '@';

    private static Dictionary<string, (Verb, string?)> BuildVerbs()
    {
        var verbs = new Dictionary<string, (Verb, string?)>(StringComparer.Ordinal);
        void Add(Verb verb, string? type, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                verbs[w] = (verb, type);
            }
        }

        // Past forms: -л, -ла, -ли (and the reflexive -лся, -лась, -лись).
        static string Past(string stems) => string.Join(' ', stems.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(s => s.EndsWith("ся", StringComparison.Ordinal)
                ? new[] { s, s[..^2] + "ась", s[..^2] + "ись" }
                : new[] { s, s + "а", s + "и" }));

        Add(Verb.Done, "call", Past("позвонил звонил набрал поговорил переговорил прозвонил перезвонил дозвонился созвонился связался") +
            // and the typos fingers make on a phone
            " " + Past("позванил званил созванился дозванился") + " called rang phoned spoke talked callled caled cald calld");
        Add(Verb.Done, "meeting", Past("встретился встречался съездил заехал") + " met visited");
        Add(Verb.Done, "email", Past("написал отправил прислал выслал отослал скинул") + " emailed e-mailed mailed wrote sent");
        Add(Verb.DoneOf, null, Past("провел показал") + " провёл была был прошла прошло состоялась состоялось had did gave held ran done");
        Add(Verb.Future, "call", "перезвонить позвонить созвониться набрать перезвоню позвоню созвонимся наберу перезвонит созвон");
        Add(Verb.Future, "meeting", "встретиться встретимся встречаемся увидимся meet");
        Add(Verb.Future, "email", "написать напишу отправить отправлю выслать вышлю скинуть скину send");
        Add(Verb.Future, "demo", "показать покажу");
        Add(Verb.Arrange, null, Past("договорился перенес условился запланировал") + " перенесли перенёс перенесла договоренность " +
            "сдвинули отложили назначили назначил наметили далее agreed arranged scheduled booked postponed moved rescheduled pushed planned set");
        verbs.Remove("созвон");
        return verbs;
    }
}
