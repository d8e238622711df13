using System.Globalization;

namespace DiscScope.Training.Trainers;

/// <summary>
/// Progress bar for a terminal: "epoch 3/50 [#########.......] 12/20 loss 0.4312 best dice 0.8123", redrawn in place with '\r' and ended
/// with a newline at each epoch's last step. Writes one line per epoch instead when <paramref name="inPlace"/> is false (logs, CI).
/// </summary>
public sealed class TextProgressBar(TextWriter writer, bool inPlace = true, int width = 24) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var last = p.Step == p.Steps;
        if (!inPlace && !last) return;
        var filled = (int)Math.Round((double)p.Step / p.Steps * width);
        var best = p.BestMetric is { } b ? string.Create(CultureInfo.InvariantCulture, $" best {p.MetricName} {b:F4}") : "";
        var line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{p.Epochs} [{new string('#', filled)}{new string('.', width - filled)}] {p.Step}/{p.Steps} loss {p.Loss:F4}{best}");
        if (inPlace) writer.Write("\r" + line + (last ? Environment.NewLine : ""));
        else writer.WriteLine(line);
        writer.Flush();
    }
}
