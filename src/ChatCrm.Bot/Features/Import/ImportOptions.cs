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
}
