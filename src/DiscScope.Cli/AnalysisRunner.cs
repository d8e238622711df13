using System.Security.Cryptography;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Pipeline;
using DiscScope.Domain.Anatomy;
using DiscScope.Domain.Reports;
using DiscScope.Imaging;
using DiscScope.Models;
using DiscScope.Models.Onnx;
using DiscScope.Reporting;
using DiscScope.Reporting.Images;

namespace DiscScope.Cli;

/// <summary>Runs the analysis pipeline on an input and writes every output (heatmaps, labels, report formats) into a folder; shared by `analyze` and `demo`.</summary>
public static class AnalysisRunner
{
    public sealed record Request(string Input, string OutDir)
    {
        public string? PixelSpacing { get; init; }
        /// <summary>t2, t2_space or t1; null: taken from the DICOM timing where it says T1, else t2 (<see cref="InputSequence"/>).</summary>
        public string? Sequence { get; init; }
        public string? T1 { get; init; }
        /// <summary>Direction code replacing the input's (and the T1's) orientation, for non-DICOM files (<see cref="OrientationOption"/>).</summary>
        public string? Orientation { get; init; }
        public IReadOnlyCollection<string>? Formats { get; init; }
        public string? SegmentationModel { get; init; }
        public string? GradingModel { get; init; }
        /// <summary>Spine image gate model; null = the shipped one where it exists, "none" = no gate (<see cref="Commands.SpineGateModel"/>).</summary>
        public string? GateModel { get; init; }
        /// <summary>Called after each stage with its name and wall time (for `bench analyze`).</summary>
        public Action<string, TimeSpan>? OnStage { get; init; }
    }

    public sealed record Outcome(StudyAnalysis Analysis, IReadOnlyList<string> Written, IReadOnlyList<string> Skipped);

    public static Outcome Run(Request q)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Stage(string name) { q.OnStage?.Invoke(name, clock.Elapsed); clock.Restart(); }
        var requested = InputSequence.Parse(q.Sequence);
        if (requested == "t1" && q.T1 is not null)
            throw new InputException("--t1 adds a T1 to a T2 input, but --sequence t1 says the input is already a T1: give the T2 as the input");
        var segPath = ModelLocator.Find(ModelLocator.Segmentation, q.SegmentationModel)
            ?? throw new InputException("segmentation model not found: train it (`discscope train segmentation`) or pass --segmentation-model");
        var gradePath = ModelLocator.Find(ModelLocator.Grading, q.GradingModel);
        var study = StudyReader.ReadStudy(q.Input, q.PixelSpacing, requested, q.Orientation, wantT1: q.T1 is null);
        var main = study.Input;
        var notes = new List<string>();
        if (study.Note is not null) notes.Add(study.Note);
        var (sequence, sequenceNote) = InputSequence.Resolve(requested, main.Timing);
        var isMr = Analysis.Mri.ModalityCheck.Of(main.Source.Modality) is null; // a non-MR input is not assessed: no note on its MR timing
        if (sequenceNote is not null && isMr) notes.Add(sequenceNote);
        var (t2, source) = (main.Volume, main.Source with { Sequence = sequence });
        if (sequence == "t1" && q.T1 is not null)
            throw new InputException($"--t1 adds a T1 to a T2 input, but {q.Input} is a T1 ({sequenceNote}): give the T2 as the input");
        IVolume? t1 = null;
        // The user's --t1 (read as its study's sagittal T1 when it holds several series), else the T1 picked from the input's study.
        var t1Study = q.T1 is not null ? StudyReader.ReadStudy(q.T1, q.PixelSpacing, "t1", q.Orientation, wantT1: false).Input
            : sequence == "t1" ? null : study.T1;
        if (t1Study is not null)
        {
            if (Analysis.Mri.ModalityCheck.Of(t1Study.Source.Modality) is not null) notes.Add($"T1 not used: the T1 series' modality is {t1Study.Source.Modality.Trim()}, not MR");
            else if (InputSequence.T1Refusal(t1Study.Timing) is { } refusal) notes.Add(refusal);
            else t1 = t1Study.Volume;
        }
        Stage("read input");

        // One ONNX Runtime session per model file: the cache owns and disposes them.
        using var cache = new OnnxModelCache(new InferenceOptions(2, PreferCuda: false));
        var segPaths = EnsembleMembers.Of(segPath);
        var segNet = new OnnxSliceNetwork([.. segPaths.Select(cache.Get)], owns: false);
        var models = segPaths.Select(p => Info(p, cache.Get(p))).ToList();
        DiscGrader? grader = null;
        if (gradePath is not null)
        {
            grader = DiscGrader.Load(gradePath, cache);
            models.AddRange(EnsembleMembers.Of(gradePath).Select(p => Info(p, cache.Get(p))));
            // The ensemble temperatures and the measurement fusion change the probabilities, so the report names each with its hash like a model.
            if (File.Exists(GradingCalibration.EnsemblePathFor(gradePath)))
                models.Add(new ModelInfo("disc-grading-ensemble-calibration", "1", Sha256(GradingCalibration.EnsemblePathFor(gradePath))));
            if (grader.Fusion is not null) models.Add(new ModelInfo("disc-grading-fusion", "1", Sha256(GradingFusion.PathFor(gradePath))));
        }
        SpineImageGate? gate = null;
        if (Commands.SpineGateModel.Path(q.GateModel) is { } gatePath)
        {
            gate = new SpineImageGate(cache.Get(gatePath), owns: false, hint: Commands.SpineGateModel.Hint);
            models.Add(Info(gatePath, cache.Get(gatePath)));
        }
        Stage("load models");
        var version = typeof(AnalysisRunner).Assembly.GetName().Version?.ToString(3) ?? "0";
        var analysis = new StudyAnalyzer(new SpineParser(new SliceSegmenter(segNet), gate: gate), grader, models, version).Analyze(new StudyInput(t2, source) { T1 = t1 });
        if (notes.Count > 0) analysis = analysis with { Report = analysis.Report with { Warnings = [.. notes, .. analysis.Report.Warnings] } };

        Stage("parse, measure, grade");

        Directory.CreateDirectory(q.OutDir);
        var written = new List<string>(); var skipped = new List<string>();
        var heatmaps = analysis.Grading.SelectMany(r => r.Heatmaps.Select(h => (Result: r, Grading: h.Key, Map: h.Value))).ToList();
        foreach (var dir in heatmaps.Select(h => Path.GetDirectoryName(Path.Combine(q.OutDir, StudyAnalyzer.HeatmapPath(DiscLevel.FromSpiderIvdLabel(h.Result.IvdLabel), h.Grading)))!).Distinct())
            Directory.CreateDirectory(dir);
        Parallel.ForEach(heatmaps, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, h =>
        {
            var path = Path.Combine(q.OutDir, StudyAnalyzer.HeatmapPath(DiscLevel.FromSpiderIvdLabel(h.Result.IvdLabel), h.Grading));
            File.WriteAllBytes(path, HeatmapImage.Render(h.Result.Crop, h.Map, h.Result.Width, h.Result.Height));
        });
        Stage("heatmaps");
        if (analysis.Labels is not null)
        {
            var labelsPath = Path.Combine(q.OutDir, "labels.nii.gz");
            Io.Registry.Write(analysis.Labels.Labels, labelsPath);
            written.Add(labelsPath);
            Stage("labels.nii.gz");
        }
        var ctx = new ReportContext(analysis.Report)
        {
            BaseDirectory = Path.GetFullPath(q.OutDir),
            Images = analysis.CanonicalImage is { } ci && analysis.CanonicalLabels is { } cl ? new ReportImages(ci, cl, analysis.MidSlice) : null,
        };
        var registry = ReportRendererRegistry.CreateDefault();
        var wanted = q.Formats?.Select(f => registry.Get(f).Format).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var r in registry.Renderers)
        {
            if (wanted is not null && !wanted.Contains(r.Format)) continue;
            if (!r.CanRender(ctx)) { skipped.Add(r.Format); continue; }
            var path = Path.Combine(q.OutDir, r.FileName);
            ReportFile.Write(path, fs => r.Render(ctx, fs));
            written.Add(path);
            Stage(r.FileName);
        }
        return new Outcome(analysis, written, skipped);
    }

    private static ModelInfo Info(string path, OnnxModel m)
    {
        var meta = m.Properties.ContainsKey(MetadataKeys.Name) ? m.Metadata : null;
        return new ModelInfo(meta?.Name ?? Path.GetFileNameWithoutExtension(path), meta?.Version ?? "unknown", Sha256(path));
    }

    /// <summary>Lower-case hex SHA-256 of a file, which names a model (or a file beside it) in the report.</summary>
    private static string Sha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
