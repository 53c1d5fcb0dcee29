using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatCrm.Core.Domain.Users;

/// <summary>A local time window in which the bot does not start a conversation (it still answers).</summary>
public sealed partial record QuietHours(TimeOnly From, TimeOnly To)
{
    [GeneratedRegex(@"^\s*(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})\s*$")]
    private static partial Regex Range();

    /// <summary>`22:00-08:00`, `22.00–8.00`; the window may cross midnight. Equal ends are refused.</summary>
    public static QuietHours? TryParse(string? text)
    {
        var m = Range().Match(text ?? "");
        if (!m.Success)
        {
            return null;
        }

        var from = Time(m.Groups[1].Value, m.Groups[2].Value);
        var to = Time(m.Groups[3].Value, m.Groups[4].Value);
        return from is null || to is null || from == to ? null : new QuietHours(from.Value, to.Value);
    }

    public bool Contains(TimeOnly local) =>
        From < To ? local >= From && local < To : local >= From || local < To;

    public override string ToString() =>
        $"{From.ToString("HH:mm", CultureInfo.InvariantCulture)}–{To.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    private static TimeOnly? Time(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        return h is >= 0 and <= 23 && m is >= 0 and <= 59 ? new TimeOnly(h, m) : null;
    }
}
