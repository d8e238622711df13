using System.Globalization;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Domain.Anatomy;
using DiscScope.Evaluation;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Scores what DiscScope outputs rather than the network's raw classes: a patient's labelled slices are stacked into one sagittal
/// series, parsed as <c>segment</c> parses a series (<see cref="SpineParser"/>: discs admitted in the canal's column, levels named,
/// only the canal column kept as canal), and the label map is scored per slice on the 3 classes. A parse that finds no spine outputs
/// nothing, so every class of that patient scores as missed.
/// </summary>
public static class ParsedStackEvaluation
{
    /// <summary>Sagittal series grid: columns run posterior, rows inferior, slices left (the parser's canonical PIL order).</summary>
    private static readonly Matrix3 Pil = Matrix3.FromColumns(Orientation.Axis('P'), Orientation.Axis('I'), Orientation.Axis('L'));

    /// <summary>One case per slice, for every patient's slices parsed as one series.</summary>
    /// <param name="parser">The parser (its segmenter and gate, if any, are used as in <c>segment</c>).</param>
    /// <param name="slices">Labelled slices; a patient's slices must share size and spacing.</param>
    /// <param name="sliceSpacingMm">Distance between neighbouring slices of a stack.</param>
    public static IReadOnlyList<SegmentationCaseResult> Score(SpineParser parser, IReadOnlyList<LabelledSlice> slices, double sliceSpacingMm = 1)
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(slices);
        var result = new List<SegmentationCaseResult>();
        foreach (var patient in slices.GroupBy(s => s.Patient))
        {
            var stack = patient.OrderBy(s => SliceIndex(s.Name)).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
            var first = stack[0];
            if (stack.Any(s => (s.Width, s.Height, s.ColumnSpacing, s.RowSpacing) != (first.Width, first.Height, first.ColumnSpacing, first.RowSpacing)))
                throw new ArgumentException($"patient {patient.Key}: slices differ in size or spacing", nameof(slices));
            var classes = Classes(parser, stack, sliceSpacingMm);
            for (var k = 0; k < stack.Count; k++)
                result.Add(SliceEvaluation.Score(stack[k], new ClassMap2D(classes[k], first.Width, first.Height, first.ColumnSpacing, first.RowSpacing)));
        }
        return result;
    }

    /// <summary>The parse's structure class per pixel of each slice of the stack (all background when no spine is found).</summary>
    private static byte[][] Classes(SpineParser parser, IReadOnlyList<LabelledSlice> stack, double sliceSpacingMm)
    {
        if (!(sliceSpacingMm > 0)) throw new ArgumentOutOfRangeException(nameof(sliceSpacingMm), sliceSpacingMm, "must be positive");
        var first = stack[0];
        var n = first.Width * first.Height;
        var g = new ImageGeometry(first.Width, first.Height, stack.Count, new Vec3(first.ColumnSpacing, first.RowSpacing, sliceSpacingMm), Vec3.Zero, Pil);
        var voxels = new float[(long)n * stack.Count];
        for (var k = 0; k < stack.Count; k++) Array.Copy(stack[k].Image, 0, voxels, (long)k * n, n);
        var labels = parser.Parse(new Volume<float>(g, voxels)).Labels?.Labels.Voxels;
        var classes = new byte[stack.Count][];
        for (var k = 0; k < stack.Count; k++)
        {
            classes[k] = new byte[n];
            if (labels is null) continue;
            for (var i = 0; i < n; i++) classes[k][i] = ClassOf(labels[(long)k * n + i]);
        }
        return classes;
    }

    /// <summary>
    /// The scored class of an output label: vertebrae 1..25 vertebra, discs disc, canal canal; the sacrum (26) is background, as in the
    /// SPIDER masks, which stop at L5.
    /// </summary>
    public static byte ClassOf(short label) => label == SpineLabel.Sacrum ? (byte)Structure.Background : (byte)SpineLabel.StructureOf(label);

    private static int SliceIndex(string name)
    {
        var at = name.LastIndexOf("_slice", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(name.AsSpan(at + 6), NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : int.MaxValue;
    }
}
