using System.ComponentModel.DataAnnotations;

namespace ChatCrm.Bot.Features.Import;

/// <summary>The import run: `Import:BatchSize` rows per transaction, `Import:Worker` (off only for tests that run batches by hand).</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    [Range(1, 20_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>How often the progress message is redrawn at most; every batch when batches are slower.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ProgressEvery { get; set; } = TimeSpan.FromSeconds(3);

    public bool Worker { get; set; } = true;

    /// <summary>The wait after a failed batch; it doubles with each failure in a row, up to five minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many times in a row one import's batch may fail before the import is stopped and its head told: a batch that
    /// fails for a reason in the data or a bug would otherwise be tried forever. With the doubling waits, eight tries
    /// span about twenty minutes, so a database restart or a short outage is waited out.
    /// </summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the next try after <paramref name="failures"/> failures in a row.</summary>
    public TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, RetryAfter.Ticks * (1L << Math.Clamp(failures - 1, 0, 20))));
}
