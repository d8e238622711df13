using System.ComponentModel;
using System.Globalization;
using System.Text;
using DiscScope.Analysis.Mri;
using DiscScope.Analysis.Mri.Data;
using DiscScope.Evaluation;
using DiscScope.Training.Mri;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope evaluate segmentation --folds K`: patient-level K-fold cross-validation on the SPIDER T2-SPACE slices. Each fold trains a
/// fresh network on the other folds' patients (same recipe as `train segmentation`, with the stated budget), exports it to ONNX and scores
/// the held-out slices through ONNX Runtime: per-class Dice, HD95 (mm), ASSD with patient-clustered bootstrap 95% CIs -> JSON + model card.
/// </summary>
public sealed class EvaluateSegmentationCommand : Command<EvaluateSegmentationCommand.Settings>
{
    public sealed class Settings : SegmentationRecipeSettings
    {
        [CommandOption("--folds <K>")]
        public int Folds { get; init; } = 5;

        [CommandOption("--minutes-per-fold <M>")]
        [Description("Training wall-time cap per fold (default 60; the step count normally ends each fold first, and the steps reached are reported per fold).")]
        public double MinutesPerFold { get; init; } = 60;

        [CommandOption("--members <K>")]
        [Description("Networks per fold, averaged as an ensemble (default 1); member m trains with seed + fold + 100 (m - 1), as `train segmentation --seed` would.")]
        public int Members { get; init; } = 1;

        [CommandOption("--out <FILE>")]
        [Description("JSON result (default models/segmentation/cv.json).")]
        public string Out { get; init; } = Path.Combine("models", "segmentation", "cv.json");

        [CommandOption("--card <FILE>")]
        [Description("Model card to update (default models/segmentation/MODEL_CARD.md; 'none' or --card=- for none).")]
        public string Card { get; init; } = Path.Combine("models", "segmentation", "MODEL_CARD.md");

        [CommandOption("--keep-models <DIR>")]
        [Description("Also keep each fold's network there (fold<k>.onnx, with folds.json naming each fold's test patients), so later analyses of the held-out predictions need no retraining (default: deleted).")]
        public string? KeepModels { get; init; }

        [CommandOption("--from-models <DIR>")]
        [Description("Score the fold networks a run kept with --keep-models instead of training (same --folds and --seed; each fold's test patients are checked against DIR/folds.json), e.g. after a parser change. Several folders, comma-separated, join the folds that runs with --only-folds kept.")]
        public string? FromModels { get; init; }

        [CommandOption("--only-folds <LIST>")]
        [Description("Train and score only these folds (comma-separated indices from 0), e.g. to run a cross-validation's folds side by side in separate processes with --keep-models; the figures then cover only their test patients.")]
        public string? OnlyFolds { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (s.Members is < 1 or > 10) throw new InputException($"--members {s.Members}: expected 1-10");
        if (s.KeepModels is not null && Directory.Exists(s.KeepModels) && Directory.EnumerateFileSystemEntries(s.KeepModels).Any())
            throw new InputException($"--keep-models {s.KeepModels}: the folder is not empty (fold models are never written over)");
        if (s.FromModels is not null && s.KeepModels is not null) throw new InputException("--from-models and --keep-models exclude each other");
        var only = FoldSelection.Parse(s.OnlyFolds, s.Folds);
        var kept = s.FromModels is null ? null : KeptFolds(s.FromModels);
        var data = DataFolder.Resolve(s.Data);
        var slices = SpiderData.SpaceSlices(data);
        var split = PatientKFold.Split([.. slices.Select(x => x.Patient)], s.Folds, s.Seed);
        // Pseudo-labels never come from a patient of the labelled slices, so no test patient's image enters a fold's training.
        var pseudo = kept is null ? s.PseudoLabels(data, slices) : null;
        var cases = new List<SegmentationCaseResult>();
        var columnCases = new List<SegmentationCaseResult>(); // the same maps with only the canal column kept as canal, as the parser outputs
        var parsedCases = new List<SegmentationCaseResult>(); // each patient's slices parsed as one series: what `segment` outputs
        var folds = new List<object>();
        var tmp = Path.Combine(Path.GetTempPath(), "discscope-cv-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(tmp);
        try
        {
            foreach (var fold in split.Folds.Where(f => only is null || only.Contains(f.Index)))
            {
                var train = fold.TrainIndices.Select(i => slices[i]).ToList();
                var test = fold.TestIndices.Select(i => slices[i]).ToList();
                if (train.Select(x => x.Patient).Intersect(test.Select(x => x.Patient)).Any())
                    throw new InvalidOperationException("a patient is in both the training and the test set");
                Console.WriteLine($"fold {fold.Index}: train {train.Count} slices, test {test.Count} slices of patients {string.Join(",", fold.TestPatients)}");
                var keptFold = kept?.GetValueOrDefault(fold.Index);
                var path = Path.Combine(keptFold?.Folder ?? tmp, $"fold{fold.Index}.onnx"); // a fold missing from --from-models is refused below
                var steps = new List<int>();
                if (kept is not null && (keptFold is null || !keptFold.TestPatients.SequenceEqual(fold.TestPatients) || !File.Exists(path)))
                    throw new InputException($"--from-models {s.FromModels}: no fold {fold.Index} model for test patients {string.Join(",", fold.TestPatients)} (give the --folds and --seed of the run that kept them)");
                for (var member = 1; kept is null && member <= s.Members; member++)
                {
                    var o = s.TrainingOptions(TimeSpan.FromMinutes(s.MinutesPerFold), fold.Index + 100 * (member - 1));
                    var trainer = new SpineSegmentationTrainer(o, m => Console.WriteLine($"  fold {fold.Index}{(s.Members > 1 ? $" member {member}" : "")} {m}"));
                    using var net = trainer.Train(pseudo is null ? train : [.. train, .. pseudo.Slices]);
                    // the members of an ensemble sit beside the first as <stem>.member-<m>.onnx, which OnnxSliceNetwork.Load averages
                    trainer.Export(net, member == 1 ? path : Path.Combine(tmp, $"fold{fold.Index}.member-{member}.onnx"), $"CV fold {fold.Index}", "cross-validation fold model");
                    steps.Add(trainer.StepsDone);
                }
                using var onnx = OnnxSliceNetwork.Load(path, s.Threads);
                var predicted = SliceEvaluation.Predict(new SliceSegmenter(onnx), test);
                var scored = predicted.Select(p => SliceEvaluation.Score(p.Slice, p.Map)).ToList();
                cases.AddRange(scored);
                columnCases.AddRange(predicted.Select(p => SliceEvaluation.Score(p.Slice, CanalColumn.KeepColumn(p.Map))));
                parsedCases.AddRange(ParsedStackEvaluation.Score(new SpineParser(new SliceSegmenter(onnx)), test));
                var dice = SliceEvaluation.ClassLabels.Select(l => scored.SelectMany(c => c.Labels).Where(m => m.Label == l && m.Overlap.Dice is not null).Average(m => m.Overlap.Dice!.Value)).ToArray();
                Console.WriteLine(FormattableString.Invariant($"fold {fold.Index}: {(steps.Count == 0 ? "kept model" : string.Join("+", steps) + " steps")}; mean Dice vertebra {dice[0]:F3} disc {dice[1]:F3} canal {dice[2]:F3}"));
                folds.Add(new { fold = fold.Index, testPatients = fold.TestPatients, trainSlices = train.Count, pseudoLabelledSlices = pseudo?.Slices.Count ?? 0, testSlices = test.Count, steps = steps.Count switch { 0 => null, 1 => (object)steps[0], _ => steps } });
            }
            if (s.KeepModels is not null)
            {
                Directory.CreateDirectory(s.KeepModels);
                foreach (var file in Directory.GetFiles(tmp, "*.onnx")) File.Copy(file, Path.Combine(s.KeepModels, Path.GetFileName(file)));
                File.WriteAllText(Path.Combine(s.KeepModels, "folds.json"), EvaluationJson.Serialize(new { data = "spider/space_slices", seed = s.Seed, folds }));
            }
        }
        finally { try { Directory.Delete(tmp, true); } catch (IOException) { } }

        var summary = SummaryBuilder.Segmentation(cases);
        var pooled = SummaryBuilder.PooledSegmentation(cases);
        var parsedSummary = SummaryBuilder.Segmentation(parsedCases);
        var parsedPooled = SummaryBuilder.PooledSegmentation(parsedCases);
        var columnCanal = SummaryBuilder.Segmentation(columnCases).FirstOrDefault(l => l.Label == 3);
        var pseudoText = pseudo is null ? "" : FormattableString.Invariant($"; each fold also trains on {pseudo.Slices.Count} pseudo-labelled spider/midsag slices of {pseudo.Slices.Select(x => x.Patient).Distinct().Count()} other patients, labelled by the teacher {Path.GetFileName(s.Teacher)} (trained on all {slices.Select(x => x.Patient).Distinct().Count()} patients, so its knowledge of each fold's test patients reaches the fold indirectly through those labels)");
        var ensemble = s.Members > 1 ? FormattableString.Invariant($"; each fold's model is an ensemble of {s.Members} networks (seeds differing by 100) whose probabilities are averaged, as OnnxSliceNetwork averages a model file's members") : "";
        var subset = only is null ? "" : $" (only folds {string.Join(",", only)} of {s.Folds} trained and scored here)";
        var budget = kept is not null ? $"no training: the fold networks kept in {s.FromModels} were scored{subset}" : FormattableString.Invariant($"{s.Folds} folds{subset} x {(s.Members > 1 ? $"{s.Members} networks x " : "")}{s.MinutesPerFold:G} min training (max {s.Steps} steps, batch {s.Batch} of {s.Patch}x{s.Patch} patches, base {s.Base}, {s.Threads} threads) on a shared 2-core CPU{pseudoText}{ensemble}");
        var result = new
        {
            task = "spine segmentation, SPIDER T2-SPACE slices, patient-level K-fold CV",
            data = "spider/space_slices", slices = slices.Count, patients = slices.Select(x => x.Patient).Distinct().Count(),
            folds = s.Folds, onlyFolds = only, seed = s.Seed, members = s.Members, budget, teacher = s.Teacher, classes = new[] { "1 vertebra", "2 disc", "3 canal" },
            note = "Dice/HD95/ASSD per slice on the network's 3 classes (levels merged), averaged over slices; 95% CIs by bootstrap over patients",
            perFold = folds, summary,
            canalColumnOnly = new { note = "canal scored after keeping only the canal column (CanalColumn.KeepColumn), as the parser's label map does", summary = columnCanal },
            pooledPerPatient = new
            {
                note = "Dice of each patient's held-out slices taken together (2 sum|P&R| / (sum|P| + sum|R|)), closer to the per-volume Dice of 3D benchmarks, averaged over patients; 95% CI by bootstrap over patients",
                summary = pooled,
            },
            parserOutput = new
            {
                note = "each patient's held-out slices stacked into one sagittal series and parsed as `segment` parses a series (no image gate: the shipped gate trained on these slices), the output labels scored on the 3 classes (sacrum as background); a parse that finds no spine scores every class as missed",
                summary = parsedSummary,
                pooledPerPatient = parsedPooled,
            },
            // raw per-slice counts, so other aggregates can be computed later without training again
            cases = cases.Select(c => new
            {
                patient = c.PatientId,
                labels = c.Labels.Select(l => new { label = l.Label, prediction = l.Overlap.PredictionVoxels, reference = l.Overlap.ReferenceVoxels, intersection = l.Overlap.IntersectionVoxels, hd95Mm = l.Surface.Hausdorff95Mm }),
            }),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(s.Out))!);
        File.WriteAllText(s.Out, EvaluationJson.Serialize(result));
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### Cross-validation (generated by `discscope evaluate segmentation --folds {s.Folds}`)");
        md.AppendLine(CultureInfo.InvariantCulture, $"Budget: {budget}. {slices.Count} slices of {slices.Select(x => x.Patient).Distinct().Count()} patients; patients never split across folds.");
        md.AppendLine();
        md.AppendLine("| class | Dice (95% CI) | HD95 mm (95% CI) | ASSD mm (95% CI) | slices |");
        md.AppendLine("|---|---|---|---|---|");
        string F(MetricWithCi? m, string fmt) => m is null ? "n/a" : string.Format(CultureInfo.InvariantCulture, $"{{0:{fmt}}} ({{1:{fmt}}}-{{2:{fmt}}})", m.Value, m.Lower, m.Upper);
        foreach (var l in summary)
        {
            var name = ClassName(l.Label);
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(l.Dice, "F3")} | {F(l.Hausdorff95Mm, "F2")} | {F(l.AverageSymmetricMm, "F2")} | {l.Cases} |");
            Console.WriteLine($"{name}: Dice {F(l.Dice, "F3")}, HD95 {F(l.Hausdorff95Mm, "F2")} mm");
        }
        if (columnCanal is not null)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| canal, column only (as the parser outputs) | {F(columnCanal.Dice, "F3")} | {F(columnCanal.Hausdorff95Mm, "F2")} | {F(columnCanal.AverageSymmetricMm, "F2")} | {columnCanal.Cases} |");
            Console.WriteLine($"canal, column only: Dice {F(columnCanal.Dice, "F3")}, HD95 {F(columnCanal.Hausdorff95Mm, "F2")} mm");
        }
        md.AppendLine();
        md.AppendLine("Per-patient pooled Dice (all of a patient's held-out slices taken as one stack, closer to the per-volume Dice of 3D benchmarks; mean over patients): " +
            string.Join(", ", pooled.Select(l => $"{ClassName(l.Label)} {F(l.Dice, "F3")}")) + ".");
        Console.WriteLine("pooled per patient: " + string.Join(", ", pooled.Select(l => $"{ClassName(l.Label)} {F(l.Dice, "F3")}")));
        md.AppendLine();
        md.AppendLine("What `segment` outputs (each patient's held-out slices parsed as one sagittal series, no image gate; a parse without a spine scores as missed), Dice per slice / pooled per patient: " +
            string.Join(", ", parsedSummary.Zip(parsedPooled, (a, b) => $"{ClassName(a.Label)} {F(a.Dice, "F3")} / {F(b.Dice, "F3")}")) + ".");
        Console.WriteLine("parser output, per slice / pooled: " + string.Join(", ", parsedSummary.Zip(parsedPooled, (a, b) => $"{ClassName(a.Label)} {F(a.Dice, "F3")} / {F(b.Dice, "F3")}")));
        var card = ModelCardSection.Target(s.Card);
        if (card is not null) ModelCardSection.Write(card, "cv", md.ToString());
        Console.WriteLine($"wrote {s.Out}{(card is not null ? " and " + card : "")}");
        return 0;
    }

    private sealed record KeptFold(string Folder, string[] TestPatients);

    /// <summary>Each kept fold's folder and test patients, from the folds.json that --keep-models wrote in each folder; a fold kept in two
    /// folders is ambiguous and refused.</summary>
    private static Dictionary<int, KeptFold> KeptFolds(string dirs)
    {
        var all = new Dictionary<int, KeptFold>();
        foreach (var dir in dirs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            foreach (var (fold, patients) in KeptFoldsIn(dir))
                if (!all.TryAdd(fold, new KeptFold(dir, patients)))
                    throw new InputException($"--from-models {dirs}: fold {fold} is kept in both {all[fold].Folder} and {dir}");
        return all;
    }

    private static Dictionary<int, string[]> KeptFoldsIn(string dir)
    {
        var file = Path.Combine(dir, "folds.json");
        if (!File.Exists(file)) throw new InputException($"--from-models {dir}: no folds.json (a folder written by --keep-models holds one)");
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            return json.RootElement.GetProperty("folds").EnumerateArray().ToDictionary(
                f => f.GetProperty("fold").GetInt32(),
                f => f.GetProperty("testPatients").EnumerateArray().Select(p => p.GetString() ?? "").ToArray());
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new InputException($"--from-models {dir}: folds.json is not a --keep-models fold list ({e.Message})");
        }
    }

    private static string ClassName(short? label) => label switch { 1 => "vertebra", 2 => "disc", 3 => "canal", _ => "all" };
}
