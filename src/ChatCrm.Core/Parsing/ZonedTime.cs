namespace ChatCrm.Core.Parsing;

internal static class ZonedTime
{
    /// <summary>
    /// Pins a wall-clock time in <paramref name="zone"/> to an instant. A time that does not exist (the
    /// spring-forward gap) moves forward by the gap, as a wall clock would show it; a time that happens
    /// twice (fall-back) takes the first occurrence, so a reminder comes an hour early rather than late.
    /// </summary>
    public static (DateTime Local, DateTime Utc) Pin(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap; a day earlier is always before it.
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        var utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return (DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), DateTimeKind.Unspecified), utc);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Pass the current instant in UTC, not machine-local time.", nameof(utc));
        }

        return DateTime.SpecifyKind(
            TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone),
            DateTimeKind.Unspecified);
    }
}
