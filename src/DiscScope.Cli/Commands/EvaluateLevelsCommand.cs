using System.ComponentModel;
using System.Globalization;
using System.Text;
using DiscScope.Analysis.Measurements;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Pipeline;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;
using DiscScope.Evaluation;
using DiscScope.Imaging;
using DiscScope.Imaging.Geometry;
using DiscScope.Imaging.Processing;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope evaluate levels`: the shipped model on data it did not train on. FMRP volumes: every reference disc must get its level
/// (per-level masks) + merged disc Dice; vesal slices: vertebra/disc Dice; SPIDER mid-sagittal slices (T1, T2, T2-SPACE): number of discs
/// found vs overview.csv num_discs, and whether the found IVD labels cover the patient's graded discs (gradings.csv). JSON + model card.
/// </summary>
public sealed class EvaluateLevelsCommand : Command<EvaluateLevelsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        public string? Data { get; init; }

        [CommandOption("--model <FILE>")]
        public string? Model { get; init; }

        [CommandOption("--scales <LIST>")]
        [Description("Test-time canvas scales averaged, comma-separated (default 1 = none).")]
        public string? Scales { get; init; }

        [CommandOption("--gate <FILE>")]
        [Description("Spine image gate model (default the shipped models/spine-gate/spine-gate.onnx; 'none' to parse without it).")]
        public string? Gate { get; init; }

        [CommandOption("--threads <N>")]
        public int Threads { get; init; } = 2;

        [CommandOption("--out <FILE>")]
        [Description("JSON result (default models/segmentation/levels.json for the shipped model, levels.json beside the model given by --model).")]
        public string? Out { get; init; }

        [CommandOption("--card <FILE>")]
        [Description("Model card whose levels section is rewritten (default models/segmentation/MODEL_CARD.md for the shipped model; none with --model unless given, so a trial model cannot overwrite the shipped model's figures; 'none' or --card=- for none).")]
        public string? Card { get; init; }

        /// <summary>Where the JSON goes: beside a trial model, or the shipped model's levels.json.</summary>
        public string OutPath => Out ?? (Model is null ? Path.Combine("models", "segmentation", "levels.json")
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(Model))!, "levels.json"));

        /// <summary>The card to rewrite, or null: only the shipped model's card by default.</summary>
        public string? CardPath => Card is not null ? ModelCardSection.Target(Card) : Model is null ? Path.Combine("models", "segmentation", "MODEL_CARD.md") : null;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var data = DataFolder.Resolve(s.Data);
        var modelPath = SegmentationModelPath.Resolve(s.Model);
        using var net = OnnxSliceNetwork.Load(modelPath, s.Threads);
        var segmenter = new SliceSegmenter(net, scales: s.Scales is null ? null : [.. s.Scales.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture))]);
        using var gate = SpineGateModel.Load(s.Gate, s.Threads);
        var parser = new SpineParser(segmenter, gate: gate);
        var md = new StringBuilder();

        // FMRP: 3D, per-level disc masks.
        var fmrp = new List<object>();
        int fmrpDiscs = 0, fmrpCorrect = 0; var fmrpDice = new List<double>();
        var heightPairs = new List<(string Case, string Level, double Reference, double Predicted)>();
        foreach (var id in FmrpData.Cases)
        {
            var (img, levels) = FmrpData.Load(data, id);
            var seg = parser.Parse(img);
            if (seg.Labels is null)
            {
                fmrpDiscs += levels.Voxels.Where(v => v != 0).Distinct().Count(); fmrpDice.Add(0);
                fmrp.Add(new { id, found = false, reason = seg.Result.ToString() });
                Console.WriteLine($"fmrp {id}: {seg.Result}");
                continue;
            }
            var cmp = DiscLevelAgreement.Compare(seg.Labels.Labels, levels);
            fmrpDiscs += cmp.Discs.Count; fmrpCorrect += cmp.Correct; fmrpDice.Add(cmp.MergedDiscDice);
            var p = (ParsedSpine)seg.Result;
            heightPairs.AddRange(DiscHeightsAgainstReference(img, levels, seg).Select(h => (id, h.Level, h.Reference, h.Predicted)));
            fmrp.Add(new
            {
                id, found = true, discsFound = p.Discs.Count, confidence = p.Confidence, warnings = p.Warnings.Select(w => w.ToString()),
                correct = cmp.Correct, discs = cmp.Discs, mergedDiscDice = cmp.MergedDiscDice,
            });
            Console.WriteLine(FormattableString.Invariant($"fmrp {id}: {cmp.Correct}/{cmp.Discs.Count} discs at the right level; disc Dice {cmp.MergedDiscDice:F3}; found {string.Join(",", p.Discs.Select(d => d.Level))}"));
        }

        // vesal: 2D Dice (assumed spacing), no canal in the reference.
        var vesal = VesalData.Slices(data);
        var vesalCases = SliceEvaluation.Score(segmenter, vesal, [1, 2]);
        var vesalSummary = SummaryBuilder.Segmentation(vesalCases);

        // SPIDER mid-sagittal: counts and the join with gradings.csv.
        var graded = SpiderData.GradedDiscs(data);
        int series = 0, countEqual = 0, noSpine = 0, coverAll = 0, withGrades = 0;
        var bySeq = new Dictionary<string, (int N, int Equal)>();
        var heldOutBySeq = new Dictionary<string, (int N, int Equal)>();
        var byVendor = new Dictionary<string, (int N, int Equal)>();
        var byField = new Dictionary<string, (int N, int Equal)>();
        static void Tally(Dictionary<string, (int N, int Equal)> t, string? key, bool equal)
        {
            if (key is null) return;
            var c = t.GetValueOrDefault(key); t[key] = (c.N + 1, c.Equal + (equal ? 1 : 0));
        }
        static Dictionary<string, object> Fractions(Dictionary<string, (int N, int Equal)> t) =>
            t.ToDictionary(e => e.Key, e => (object)new { e.Value.N, e.Value.Equal, fraction = (double)e.Value.Equal / e.Value.N });
        var rows = new List<object>();
        var countRight = new List<(string Patient, bool Right)>(); // per series, for the patient-bootstrap interval of the fraction
        var uncertain = new List<(bool Flagged, bool Right)>(); // parsed series: level name flagged for review vs count right
        foreach (var (ser, image, w, h) in SpiderData.MidSagittal(data))
        {
            var v = new Volume<float>(ImageGeometry.Simple(w, h, 1, ser.ColumnSpacing, ser.RowSpacing), image);
            // As `analyze` does: a bare PNG found upside down is parsed flipped (SPIDER stores a few slices with the sacrum at the top).
            var (_, seg, flipped) = parser.ParseUpright(v);
            series++;
            var found = seg.Result is ParsedSpine p ? p.Discs.Select(d => d.SpiderIvdLabel).ToArray() : [];
            if (seg.Result is not ParsedSpine) noSpine++;
            var equal = found.Length == ser.NumDiscs;
            if (equal) countEqual++;
            countRight.Add((ser.Patient, equal));
            var seq = ser.Sequence.ToLowerInvariant();
            Tally(bySeq, seq, equal);
            Tally(byVendor, ScannerGroups.Vendor(ser.Manufacturer), equal);
            Tally(byField, ScannerGroups.FieldStrength(ser.FieldStrengthT), equal);
            var heldOut = MidSagittalSplit.IsHeldOut(ser.Patient);
            if (heldOut) Tally(heldOutBySeq, seq, equal);
            bool? covers = null;
            if (graded.TryGetValue(ser.Patient, out var g)) { withGrades++; covers = g.All(found.Contains); if (covers == true) coverAll++; }
            var parsed = seg.Result as ParsedSpine;
            if (parsed is not null) uncertain.Add((parsed.Confidence < LevelReport.ReviewBelowLevelConfidence, equal));
            rows.Add(new
            {
                series = ser.Name, heldOut, numDiscs = ser.NumDiscs, found = found.Length, ivdLabels = found, coversGraded = covers,
                result = seg.Result is NoSagittalSpine n ? n.Message : null,
                // Bottom-up, as ivdLabels: each disc's area and centroid (mm from the top-left pixel), and the parser's warnings, so that
                // count misses can be traced to a disc without rerunning the parser.
                discs = parsed?.Discs.Select(d => new { areaMm2 = Math.Round(d.AreaMm2, 1), xMm = Math.Round(d.CentroidXMm, 1), yMm = Math.Round(d.CentroidYMm, 1) }),
                warnings = parsed?.Warnings.Select(wn => wn.Kind.ToString()), flippedUpright = flipped,
                confidence = parsed?.Confidence,
            });
        }

        // A patient's T1, T2 and T2-SPACE slices share anatomy and field of view, so the interval resamples patients, not series.
        MetricWithCi? countCi = countRight.Count == 0 ? null
            : Bootstrap.PercentileCi(countRight, c => c.Patient, c => c.Average(x => x.Right ? 1.0 : 0.0));
        var result = new
        {
            model = modelPath,
            gate = SpineGateModel.Path(s.Gate) is { } gatePath ? Path.GetRelativePath(Directory.GetCurrentDirectory(), gatePath) : null,
            members = DiscScope.Models.EnsembleMembers.Of(modelPath).Select(Path.GetFileName),
            fmrp = new
            {
                cases = fmrp, discs = fmrpDiscs, correct = fmrpCorrect, levelAccuracy = fmrpDiscs == 0 ? 0 : (double)fmrpCorrect / fmrpDiscs, meanMergedDiscDice = fmrpDice.Average(),
                middleHeights = new
                {
                    method = "middle disc height (SpineMorphometry) on the mid-sagittal slice chosen by the parser, disc mask extent of the predicted disc vs the reference mask of the same level (no vertebrae, so not the endplate-to-endplate space the reports give)",
                    pairs = heightPairs.Select(h => new { h.Case, h.Level, referenceMm = h.Reference, predictedMm = h.Predicted }),
                    meanDifferenceMm = heightPairs.Count == 0 ? double.NaN : heightPairs.Average(h => h.Predicted - h.Reference),
                    meanAbsoluteDifferenceMm = heightPairs.Count == 0 ? double.NaN : heightPairs.Average(h => Math.Abs(h.Predicted - h.Reference)),
                },
            },
            vesal = new { slices = vesal.Count, assumedSpacingMm = VesalData.AssumedSpacingMm, summary = vesalSummary },
            midsag = new
            {
                series, countEqualsNumDiscs = countEqual, fraction = (double)countEqual / Math.Max(1, series), fractionCi = countCi, noSpineFound = noSpine,
                bySequence = Fractions(bySeq),
                byVendor = Fractions(byVendor),
                byFieldStrength = Fractions(byField),
                heldOut = new
                {
                    rule = "patients with an odd SPIDER id: never lent as pseudo-labels by `train segmentation --teacher`",
                    series = heldOutBySeq.Values.Sum(v => v.N), countEqualsNumDiscs = heldOutBySeq.Values.Sum(v => v.Equal),
                    bySequence = Fractions(heldOutBySeq),
                },
                seriesWithGradings = withGrades, foundLabelsCoverAllGradedDiscs = coverAll,
                levelNameReview = FlagSplit.Of(uncertain), perSeries = rows,
            },
        };
        var outPath = s.OutPath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        File.WriteAllText(outPath, EvaluationJson.Serialize(result));

        static string Percent(double? v) => v is { } x ? string.Format(CultureInfo.InvariantCulture, "{0:F1}%", 100 * x) : "n/a";
        string F(MetricWithCi? m) => m is null ? "n/a" : string.Format(CultureInfo.InvariantCulture, "{0:F3} ({1:F3}-{2:F3})", m.Value, m.Lower, m.Upper);
        md.AppendLine("### Levels and generalisation (generated by `discscope evaluate levels`)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- FMRP (5 T2 volumes, not used for training): {fmrpCorrect}/{fmrpDiscs} reference discs got their level; mean merged disc Dice {fmrpDice.Average():F3} (3D, all slices).");
        if (heightPairs.Count > 0)
            md.AppendLine(CultureInfo.InvariantCulture, $"- FMRP middle disc height, predicted vs reference mask on the same mid-sagittal slice ({heightPairs.Count} discs): mean difference {heightPairs.Average(h => h.Predicted - h.Reference):+0.00;-0.00} mm, mean absolute difference {heightPairs.Average(h => Math.Abs(h.Predicted - h.Reference)):F2} mm (reference {heightPairs.Min(h => h.Reference):F1}-{heightPairs.Max(h => h.Reference):F1} mm).");
        foreach (var l in vesalSummary)
            md.AppendLine(CultureInfo.InvariantCulture, $"- vesal (17 T2 slices with masks, not used for training, spacing assumed {VesalData.AssumedSpacingMm} mm): {(l.Label == 1 ? "vertebra" : "disc")} Dice {F(l.Dice)}{(l.Label == 1 ? " (reference has vertebral bodies only, no posterior elements)" : "")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- SPIDER mid-sagittal ({series} series, no masks; the labelled training slices are T2-SPACE only; a self-trained model also learned from teacher pseudo-labels of the even-id patients' T1/T2 slices): disc count = overview num_discs in {countEqual}/{series} ({100.0 * countEqual / Math.Max(1, series):F1}%{(countCi is null ? "" : FormattableString.Invariant($", 95 % CI {100 * countCi.Lower:F1}-{100 * countCi.Upper:F1}% by patient bootstrap"))}); no spine found in {noSpine}; found IVD labels cover all graded discs in {coverAll}/{withGrades} series.");
        foreach (var (seq, (n, eq)) in bySeq.OrderBy(e => e.Key, StringComparer.Ordinal))
            md.AppendLine(CultureInfo.InvariantCulture, $"  - {seq}: {eq}/{n} ({100.0 * eq / n:F1}%)");
        static string Tallies(Dictionary<string, (int N, int Equal)> t) =>
            string.Join(", ", t.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => FormattableString.Invariant($"{e.Key} {e.Value.Equal}/{e.Value.N} ({100.0 * e.Value.Equal / e.Value.N:F1}%)")));
        md.AppendLine(CultureInfo.InvariantCulture, $"  - by scanner vendor (overview.csv Manufacturer): {Tallies(byVendor)}; by field strength: {Tallies(byField)}");
        int hn = heldOutBySeq.Values.Sum(v => v.N), heq = heldOutBySeq.Values.Sum(v => v.Equal);
        var heldOutSeq = string.Join(", ", heldOutBySeq.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => FormattableString.Invariant($"{e.Key} {e.Value.Equal}/{e.Value.N}")));
        md.AppendLine(CultureInfo.InvariantCulture, $"- of which the held-out half (odd patient ids, never used for pseudo-labels): {heq}/{hn} ({100.0 * heq / Math.Max(1, hn):F1}%); {heldOutSeq}");
        var split = FlagSplit.Of(uncertain);
        md.AppendLine(CultureInfo.InvariantCulture, $"- SPIDER mid-sagittal level names flagged for review (level confidence below {LevelReport.ReviewBelowLevelConfidence:0.##}, which also flags every grade of the series): {split.Flagged} of the {split.Total} series with a parsed spine; the disc count is right in {Percent(split.RightFlagged)} of them and in {Percent(split.RightUnflagged)} of the {split.Total - split.Flagged} others.");
        if (s.CardPath is not null) ModelCardSection.Write(s.CardPath, "levels", md.ToString());
        Console.Write(md.ToString());
        Console.WriteLine($"wrote {outPath}" + (s.CardPath is null ? (s.Card is null ? " (no model card: --model without --card)" : " (no model card)") : $" and the levels section of {s.CardPath}"));
        return 0;
    }

    /// <summary>Middle disc heights on the parser's mid-sagittal slice: from the predicted disc labels and from the reference level mask
    /// (1 = L5-S1 ..), for the levels both have.</summary>
    private static IEnumerable<(string Level, double Reference, double Predicted)> DiscHeightsAgainstReference(Volume<float> image, Volume<byte> reference, SpineSegmentation seg)
    {
        var (canonImage, canonPredicted) = StudyAnalyzer.Canonical(image, seg);
        var refLabels = new Volume<short>(reference.Geometry, [.. reference.Voxels.Select(v => v == 0 ? (short)0 : (short)(SpineLabel.DiscBase + v))]);
        var canonReference = new LabelMap(Reorientation.Reorient(refLabels, Reorientation.CanonicalSagittal));
        var (midImage, midPredicted) = StudyAnalyzer.MidSlices(canonImage, canonPredicted, seg.MidSagittalSlice);
        var (_, midReference) = StudyAnalyzer.MidSlices(canonImage, canonReference, seg.MidSagittalSlice);
        // Like for like: the reference has discs only, so the predicted heights are the disc mask's extent too (no vertebrae, hence no
        // endplate-to-endplate space).
        var discsOnly = new LabelMap(new Volume<short>(midPredicted.Geometry,
            [.. midPredicted.Labels.Voxels.Select(v => SpineLabel.StructureOf(v) == Structure.Disc ? v : (short)0)]));
        var predicted = SpineMorphometry.Measure(discsOnly, midImage).Discs.ToDictionary(d => d.Level);
        foreach (var r in SpineMorphometry.Measure(midReference, midImage).Discs)
            if (predicted.TryGetValue(r.Level, out var m)) yield return (r.Level.ToString(), r.Heights.Middle.Value, m.Heights.Middle.Value);
    }
}
