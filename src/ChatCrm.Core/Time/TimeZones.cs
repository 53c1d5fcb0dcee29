using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Time;

/// <summary>
/// Reads a time zone the way a person names it: an IANA id (`Europe/Berlin`), a city in Russian or
/// English (`Москва`, `Berlin`, `New York`) or a UTC offset (`+3`, `UTC+05:30`, `GMT-4`).
/// Offsets are stored as `UTC+05:30` and resolved here again when read back.
/// </summary>
public static partial class TimeZones
{
    private static readonly Dictionary<string, string> Cities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["москва"] = "Europe/Moscow", ["мск"] = "Europe/Moscow", ["санкт-петербург"] = "Europe/Moscow",
        ["петербург"] = "Europe/Moscow", ["питер"] = "Europe/Moscow", ["спб"] = "Europe/Moscow",
        ["saint petersburg"] = "Europe/Moscow", ["st petersburg"] = "Europe/Moscow", ["казань"] = "Europe/Moscow",
        ["нижний новгород"] = "Europe/Moscow", ["ростов-на-дону"] = "Europe/Moscow", ["ростов"] = "Europe/Moscow",
        ["краснодар"] = "Europe/Moscow", ["воронеж"] = "Europe/Moscow", ["сочи"] = "Europe/Moscow",
        ["ярославль"] = "Europe/Moscow", ["тула"] = "Europe/Moscow", ["калининград"] = "Europe/Kaliningrad",
        ["самара"] = "Europe/Samara", ["ижевск"] = "Europe/Samara", ["саратов"] = "Europe/Saratov",
        ["волгоград"] = "Europe/Volgograd", ["ульяновск"] = "Europe/Ulyanovsk", ["астрахань"] = "Europe/Astrakhan",
        ["екатеринбург"] = "Asia/Yekaterinburg", ["екб"] = "Asia/Yekaterinburg", ["челябинск"] = "Asia/Yekaterinburg",
        ["пермь"] = "Asia/Yekaterinburg", ["уфа"] = "Asia/Yekaterinburg", ["тюмень"] = "Asia/Yekaterinburg",
        ["оренбург"] = "Asia/Yekaterinburg", ["омск"] = "Asia/Omsk", ["новосибирск"] = "Asia/Novosibirsk",
        ["томск"] = "Asia/Tomsk", ["барнаул"] = "Asia/Barnaul", ["кемерово"] = "Asia/Novokuznetsk",
        ["новокузнецк"] = "Asia/Novokuznetsk", ["красноярск"] = "Asia/Krasnoyarsk", ["иркутск"] = "Asia/Irkutsk",
        ["улан-удэ"] = "Asia/Irkutsk", ["чита"] = "Asia/Chita", ["якутск"] = "Asia/Yakutsk",
        ["владивосток"] = "Asia/Vladivostok", ["хабаровск"] = "Asia/Vladivostok", ["магадан"] = "Asia/Magadan",
        ["южно-сахалинск"] = "Asia/Sakhalin", ["сахалин"] = "Asia/Sakhalin", ["камчатка"] = "Asia/Kamchatka",
        ["петропавловск-камчатский"] = "Asia/Kamchatka", ["анадырь"] = "Asia/Anadyr", ["минск"] = "Europe/Minsk",
        ["киев"] = "Europe/Kyiv", ["kiev"] = "Europe/Kyiv", ["алматы"] = "Asia/Almaty", ["астана"] = "Asia/Almaty",
        ["ташкент"] = "Asia/Tashkent", ["бишкек"] = "Asia/Bishkek", ["баку"] = "Asia/Baku", ["тбилиси"] = "Asia/Tbilisi",
        ["ереван"] = "Asia/Yerevan", ["берлин"] = "Europe/Berlin", ["лондон"] = "Europe/London",
        ["париж"] = "Europe/Paris", ["рим"] = "Europe/Rome", ["мадрид"] = "Europe/Madrid", ["варшава"] = "Europe/Warsaw",
        ["прага"] = "Europe/Prague", ["рига"] = "Europe/Riga", ["вильнюс"] = "Europe/Vilnius", ["таллин"] = "Europe/Tallinn",
        ["хельсинки"] = "Europe/Helsinki", ["стамбул"] = "Europe/Istanbul", ["дубай"] = "Asia/Dubai",
        ["пекин"] = "Asia/Shanghai", ["beijing"] = "Asia/Shanghai", ["токио"] = "Asia/Tokyo", ["нью-йорк"] = "America/New_York",
        ["new york"] = "America/New_York", ["лос-анджелес"] = "America/Los_Angeles", ["los angeles"] = "America/Los_Angeles",
        ["san francisco"] = "America/Los_Angeles",
    };

    private static readonly Lazy<Dictionary<string, string>> IanaCities = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            var slash = zone.Id.LastIndexOf('/');
            if (slash > 0 && !zone.Id.StartsWith("Etc/", StringComparison.Ordinal))
            {
                map.TryAdd(zone.Id[(slash + 1)..].Replace('_', ' '), zone.Id);
            }
        }

        return map;
    });

    [GeneratedRegex(@"^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Offset();

    /// <summary>The zone for a stored id (IANA or `UTC±hh:mm`); null when unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        if (TryOffset(id.Trim(), out var offset))
        {
            return FixedOffset(offset);
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
    }

    /// <summary>Turns what a user typed into a stored zone id, or null when nothing matches.</summary>
    public static string? Resolve(string? input)
    {
        var text = input?.Trim().Trim('.', ',');
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Equals("utc", StringComparison.OrdinalIgnoreCase) || text.Equals("gmt", StringComparison.OrdinalIgnoreCase))
        {
            return "UTC";
        }

        if (TryOffset(text, out var offset))
        {
            return OffsetId(offset);
        }

        if (text.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(text, out var zone))
        {
            return zone.Id;
        }

        var city = text.Replace('_', ' ').Replace('ё', 'е').Replace('Ё', 'Е');
        if (Cities.TryGetValue(city, out var id) || IanaCities.Value.TryGetValue(city, out id))
        {
            return id;
        }

        return null;
    }

    /// <summary>`UTC+3`, `UTC+05:30`, `UTC−4` — how a zone's current offset reads to a person.</summary>
    public static string DescribeOffset(TimeZoneInfo zone, DateTime utcNow)
    {
        var offset = zone.GetUtcOffset(utcNow);
        var sign = offset < TimeSpan.Zero ? "−" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}"
            : $"UTC{sign}{abs.Hours.ToString("00", CultureInfo.InvariantCulture)}:{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>
    /// A wall-clock time someone named («завтра 02:30») as an instant. A time that does not exist (the
    /// spring-forward gap) moves on by the gap, as a wall clock would show it (02:30 → 03:30); a time that happens
    /// twice (fall-back) takes the first occurrence, so a reminder comes an hour early rather than late.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // Inside a gap, the offset in force just before it; a day earlier is always before it.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddDays(-1))
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }

    /// <summary>
    /// The first instant at which the local clock reads <paramref name="local"/> or later: when a scheduled
    /// time (a digest at 02:30, the start of a day) falls into a spring-forward gap, the end of the gap (03:00);
    /// an ambiguous time is its first occurrence.
    /// </summary>
    public static DateTime FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(local))
        {
            return ToUtc(local, zone);
        }

        // Gaps start and end on whole minutes: the first whole minute after the named time that exists ends it.
        var next = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);
        while (zone.IsInvalidTime(next))
        {
            next = next.AddMinutes(1);
        }

        return ToUtc(next, zone);
    }

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = default;
        var m = Offset().Match(text.Replace(" ", "", StringComparison.Ordinal));
        if (!m.Success)
        {
            return false;
        }

        var hours = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var minutes = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes is not (0 or 15 or 30 or 45))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (m.Groups[1].Value is "-" or "−")
        {
            offset = -offset;
        }

        return true;
    }

    private static string OffsetId(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";

    private static TimeZoneInfo FixedOffset(TimeSpan offset)
    {
        var id = OffsetId(offset);
        return TimeZoneInfo.CreateCustomTimeZone(id, offset, id, id);
    }
}
