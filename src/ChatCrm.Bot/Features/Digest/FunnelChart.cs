using System.Globalization;
using ScottPlot;

namespace ChatCrm.Bot.Features.Digest;

/// <summary>
/// The funnel as a PNG a phone shows well: one horizontal bar per stage (open deals), labelled with the count
/// and the amount. The font is set explicitly to DejaVu Sans so Cyrillic stage names render on a bare Linux
/// server (package fonts-dejavu-core); ScottPlot falls back to its default font when it is missing.
/// </summary>
public static class FunnelChart
{
    public const int Width = 800;
    public const int Height = 500;
    public const string FontFamily = "DejaVu Sans";

    public static byte[] Render(IReadOnlyList<FunnelStage> stages, string title, CultureInfo culture)
    {
        var plot = new Plot();
        try
        {
            plot.Font.Set(FontFamily);
            plot.Title(title);
            var rows = stages.Count == 0 ? [new FunnelStage("—", 0, 0)] : stages;
            var bars = rows.Select((s, i) => new Bar
            {
                // The first stage on top, as a funnel reads.
                Position = rows.Count - i,
                Value = s.Deals,
                Label = $"{s.Deals} · {s.Amount.ToString("#,0", culture)}",
                FillColor = Colors.SteelBlue,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.ValueLabelStyle.FontName = FontFamily;
            plottable.ValueLabelStyle.FontSize = 16;
            plot.Axes.Left.SetTicks(rows.Select((_, i) => (double)(rows.Count - i)).ToArray(), rows.Select(s => s.Stage).ToArray());
            plot.Axes.Left.TickLabelStyle.FontName = FontFamily;
            plot.Axes.Left.TickLabelStyle.FontSize = 16;
            plot.Axes.Bottom.TickLabelStyle.FontName = FontFamily;
            plot.Axes.Title.Label.FontName = FontFamily;
            plot.Axes.Title.Label.FontSize = 20;
            plot.Axes.Margins(left: 0, right: 0.25, bottom: 0.05, top: 0.05);
            return plot.GetImageBytes(Width, Height, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
