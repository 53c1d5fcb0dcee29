using System.Globalization;

namespace ChatCrm.Benchmarks;

internal static class ProcessMemory
{
    /// <summary>A process's peak resident set (VmHWM) from /proc, in MB.</summary>
    public static double PeakRssMb(this int pid) => Status(pid, "VmHWM:");

    /// <summary>A process's resident set now (VmRSS), in MB.</summary>
    public static double RssMb(this int pid) => Status(pid, "VmRSS:");

    /// <summary>The resident set by kind now (anonymous: the heaps; file: mapped code and files; shared memory), in MB.</summary>
    public static (double Anon, double File, double Shmem) RssKindsMb(this int pid) =>
        (Status(pid, "RssAnon:"), Status(pid, "RssFile:"), Status(pid, "RssShmem:"));

    private static double Status(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
