using System.Globalization;
using ChatCrm.Bot.Features.Digest;
using ScottPlot;

namespace ChatCrm.Bot.Features.Reports;

/// <summary>
/// A <see cref="ReportChart"/> as a PNG a phone shows well: horizontal bars (one group per label, one bar per
/// series) or lines over time, large DejaVu Sans text so Cyrillic renders on a bare Linux server (as
/// <see cref="FunnelChart"/>), a legend when there is more than one series.
/// </summary>
public static class ReportPicture
{
    public const int Width = 900;
    public const int MinHeight = 500;
    public const int MaxHeight = 1600;
    private const int LabelLength = 28;

    private static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.IndianRed, Colors.SlateGray];

    public static int HeightFor(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Shape == ChartShape.Bars
            ? Math.Clamp(120 + (chart.Labels.Count * Math.Max(1, chart.Series.Count) * 34), MinHeight, MaxHeight)
            : MinHeight;
    }

    public static byte[] Render(ReportChart chart, CultureInfo culture)
    {
        using var plot = Draw(chart, culture);
        return plot.GetImageBytes(Width, HeightFor(chart), ImageFormat.Png);
    }

    /// <summary>The chart laid out, not yet rendered; the caller disposes it.</summary>
    internal static Plot Draw(ReportChart chart, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var plot = new Plot();
        try
        {
            plot.Font.Set(FunnelChart.FontFamily);
            plot.Title(chart.Title);
            plot.Axes.Title.Label.FontName = FunnelChart.FontFamily;
            plot.Axes.Title.Label.FontSize = 22;
            string[] labels = chart.Labels.Count == 0 ? ["—"] : [.. chart.Labels.Select(Short)];
            var series = chart.Series.Count == 0 ? [new ChartSeries("", [0])] : chart.Series;
            if (chart.Shape == ChartShape.Bars)
            {
                Bars(plot, labels, series, culture);
            }
            else
            {
                Lines(plot, labels, series);
            }

            foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
            {
                axis.TickLabelStyle.FontName = FunnelChart.FontFamily;
                axis.TickLabelStyle.FontSize = 16;
            }

            // Counts (deals, touches) are whole: a scale of 0, 0.5, 1 would read as half a deal.
            if (series.All(x => x.Values.All(v => v == Math.Floor(v))))
            {
                ScottPlot.IAxis values = chart.Shape == ChartShape.Bars ? plot.Axes.Bottom : plot.Axes.Left;
                values.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
            }

            if (series.Count > 1)
            {
                plot.Legend.IsVisible = true;
                plot.Legend.FontName = FunnelChart.FontFamily;
                plot.Legend.FontSize = 16;
                plot.Legend.Alignment = Alignment.LowerRight;
            }

            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    private static void Bars(Plot plot, string[] labels, IReadOnlyList<ChartSeries> series, CultureInfo culture)
    {
        var size = 0.8 / series.Count;
        for (var k = 0; k < series.Count; k++)
        {
            var color = Palette[k % Palette.Length];
            var bars = labels.Select((_, i) => new Bar
            {
                // The first label on top, as a funnel and a ranking read; the series side by side within it.
                Position = labels.Length - i + 0.4 - (size * (k + 0.5)),
                Value = i < series[k].Values.Count ? series[k].Values[i] : 0,
                Size = size * 0.95,
                Label = (i < series[k].Values.Count ? series[k].Values[i] : 0).ToString("#,0.#", culture),
                FillColor = color,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = series[k].Name;
            plottable.ValueLabelStyle.FontName = FunnelChart.FontFamily;
            plottable.ValueLabelStyle.FontSize = 15;
        }

        plot.Axes.Left.SetTicks(labels.Select((_, i) => (double)(labels.Length - i)).ToArray(), labels);
        plot.Axes.Margins(left: 0, right: 0.2, bottom: 0.03, top: 0.03);
    }

    private static void Lines(Plot plot, string[] labels, IReadOnlyList<ChartSeries> series)
    {
        var xs = labels.Select((_, i) => (double)i).ToArray();
        for (var k = 0; k < series.Count; k++)
        {
            var ys = xs.Select((_, i) => i < series[k].Values.Count ? series[k].Values[i] : 0).ToArray();
            var line = plot.Add.Scatter(xs, ys, Palette[k % Palette.Length]);
            line.LineWidth = 3;
            line.MarkerSize = 10;
            line.LegendText = series[k].Name;
        }

        plot.Axes.Bottom.SetTicks(xs, labels);
        plot.Axes.Margins(horizontal: 0.1, vertical: 0.15);
    }

    private static string Short(string label) => label.Length <= LabelLength ? label : label[..(LabelLength - 1)] + "…";
}
