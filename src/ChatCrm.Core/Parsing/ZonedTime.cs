using ChatCrm.Core.Time;

namespace ChatCrm.Core.Parsing;

internal static class ZonedTime
{
    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant and as the local time it really is (see <see cref="TimeZones.ToUtc"/>).</summary>
    public static (DateTime Local, DateTime Utc) Pin(DateTime local, TimeZoneInfo zone)
    {
        var utc = TimeZones.ToUtc(local, zone);
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
