using System.Globalization;

namespace ChatCrm.Benchmarks;

internal static class ProcessMemory
{
    /// <summary>A process's peak resident set (VmHWM) from /proc, in MB.</summary>
    public static double PeakRssMb(this int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
