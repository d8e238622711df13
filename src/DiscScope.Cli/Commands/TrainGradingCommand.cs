using System.ComponentModel;
using DiscScope.Analysis.DiscGrading;
using DiscScope.Evaluation;
using DiscScope.Training.DiscGrading;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope train grading`: trains the multi-task disc grading network on SPIDER and exports ONNX plus its calibration.</summary>
public sealed class TrainGradingCommand : Command<TrainGradingCommand.Settings>
{
    public class Settings : CommandSettings
    {
        [CommandOption("--data <DIR>")]
        [Description("Shared data folder (default: DISCSCOPE_DATA or ../shared/data).")]
        public string? Data { get; init; }

        [CommandOption("--segmentation <ONNX>")]
        [Description("Segmentation model that finds the discs (default models/segmentation/spine-seg.onnx).")]
        public string Segmentation { get; init; } = Path.Combine("models", "segmentation", "spine-seg.onnx");

        [CommandOption("--cache <FILE>")]
        [Description("Cache of the cropped discs (built once, reused).")]
        public string? Cache { get; init; }

        [CommandOption("--epochs <N>")]
        [Description("Epochs: at most this many with early stopping (classic, default 40), exactly this many (context, default 60).")]
        public int? Epochs { get; init; }
        [CommandOption("--recipe <NAME>")]
        [Description("context (each disc beside the patient's other discs, with its level; default) or classic (each disc alone, early stopping).")]
        public string Recipe { get; init; } = "context";
        /// <summary>The recipe named by --recipe; anything else is a bad input.</summary>
        public GradingRecipe ParsedRecipe => Recipe.Trim().ToLowerInvariant() switch
        {
            "classic" => GradingRecipe.Classic,
            "context" => GradingRecipe.Context,
            _ => throw new InputException($"--recipe {Recipe}: expected classic or context"),
        };
        /// <summary>--epochs, or the recipe's default.</summary>
        public int EpochCount => Epochs ?? GradingTrainingOptions.DefaultEpochs(ParsedRecipe);

        [CommandOption("--threads <N>")]
        public int Threads { get; init; } = 2;

        [CommandOption("--seed <N>")]
        public int Seed { get; init; } = 42;

        [CommandOption("--ordinal-weight <W>")]
        [Description("Weight of the Pfirrmann head's expected-grade squared error beside its cross-entropy (default 0 = cross-entropy only).")]
        public double OrdinalWeight { get; init; }

        [CommandOption("--t1-drop <P>")]
        [Description("Probability of zeroing a training crop's T1 channel, so the network copes without T1 (default 0.3).")]
        public double T1Drop { get; init; } = GradingTrainingOptions.DefaultT1DropProbability;

        [CommandOption("--t2-drop <P>")]
        [Description("Context recipe: probability of zeroing the T2 channel of a training crop that has a T1 (its Pfirrmann target then ignored), so the network must read the T1 (default 0).")]
        public double T2Drop { get; init; }

        [CommandOption("--soft-pfirrmann <SIGMA>")]
        [Description("Context recipe: train the Pfirrmann head on soft ordinal targets of this width in grades instead of label-smoothed one-hot ones (default 0 = off).")]
        public double SoftPfirrmann { get; init; }

        [CommandOption("--pfirrmann-truncate <SHARE>")]
        [Description("Context recipe: ignore the highest-loss share of each batch's Pfirrmann targets (small-loss selection against label noise, ramped up over 10 epochs; default 0 = off).")]
        public double PfirrmannTruncate { get; init; }

        [CommandOption("--base-channels <N>")]
        [Description("Channels of the network's first residual stage (default 16; each later stage doubles them).")]
        public int BaseChannels { get; init; } = 16;

        /// <summary>The training options these settings name; a base width outside 4-64, fewer than one epoch, a negative or non-finite
        /// ordinal weight, a T1 dropout outside 0..1, a T2 dropout outside [0, 1), a soft Pfirrmann width outside 0-3, a Pfirrmann truncation
        /// share outside 0-0.5, or any of the last three outside the context recipe is a bad input.</summary>
        public GradingTrainingOptions TrainingOptions() =>
            BaseChannels is < 4 or > 64
                ? throw new InputException($"--base-channels {BaseChannels}: expected 4-64")
                : EpochCount < 1 ? throw new InputException($"--epochs {EpochCount}: expected at least 1")
                : !(OrdinalWeight >= 0) || double.IsInfinity(OrdinalWeight) ? throw new InputException($"--ordinal-weight {OrdinalWeight}: expected a finite weight >= 0")
                : !(T1Drop is >= 0 and <= 1) ? throw new InputException($"--t1-drop {T1Drop}: expected a probability in 0..1")
                : !(T2Drop is >= 0 and < 1) ? throw new InputException($"--t2-drop {T2Drop}: expected a probability in 0..1 (below 1)")
                : T2Drop > 0 && ParsedRecipe != GradingRecipe.Context ? throw new InputException("--t2-drop: only the context recipe (--recipe context) drops the T2 channel")
                : !(SoftPfirrmann is >= 0 and <= 3) ? throw new InputException($"--soft-pfirrmann {SoftPfirrmann}: expected a width of 0 to 3 grades")
                : SoftPfirrmann > 0 && ParsedRecipe != GradingRecipe.Context ? throw new InputException("--soft-pfirrmann: only the context recipe (--recipe context) has soft targets")
                : !(PfirrmannTruncate is >= 0 and <= 0.5) ? throw new InputException($"--pfirrmann-truncate {PfirrmannTruncate}: expected a share of 0 to 0.5")
                : PfirrmannTruncate > 0 && ParsedRecipe != GradingRecipe.Context ? throw new InputException("--pfirrmann-truncate: only the context recipe (--recipe context) truncates the Pfirrmann targets")
                : new(Epochs: EpochCount, Threads: Threads, Seed: Seed, BaseChannels: BaseChannels, PfirrmannOrdinalWeight: OrdinalWeight, Recipe: ParsedRecipe,
                    T1DropProbability: T1Drop, T2DropProbability: T2Drop, PfirrmannSoftSigma: SoftPfirrmann, PfirrmannTruncation: PfirrmannTruncate);

        [CommandOption("--out <ONNX>")]
        [Description("Output model (default models/grading/disc-grading.onnx).")]
        public string Out { get; init; } = Path.Combine("models", "grading", "disc-grading.onnx");
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        var options = s.TrainingOptions();
        var data = DataFolder.Resolve(s.Data);
        var crop = DiscCropOptions.Default;
        var samples = GradingData.Load(data, s.Segmentation, s.Cache, crop);
        var trainer = new GradingTrainer(options);
        var (train, val) = GradingCrossValidation.SplitValidation(samples, trainer.Options.ValidationFraction, s.Seed);
        Console.WriteLine($"training on {train.Count} discs, validating on {val.Count} ({samples.Select(x => x.Patient).Distinct().Count()} patients)");
        var net = trainer.TrainWithRetry(train, val, crop, e => Console.WriteLine(FormattableString.Invariant($"epoch {e.Epoch} loss {e.TrainLoss:F3} val {e.Metric:F3}{(e.Improved ? " *" : "")}")), Console.WriteLine);
        var valLogits = GradingTrainer.Logits(net, val, crop);
        var calibration = new GradingCalibration(GradingTask.All.Select((t, h) => (t.HeadName, T: TemperatureScaling.Fit(valLogits[h], [.. val.Select(x => t.Label(x.Labels))]).Temperature))
            .ToDictionary(e => e.HeadName, e => e.T));
        var meta = GradingTrainer.Metadata(trainer.Options, net,
            $"SPIDER midsag T2/T1 + gradings.csv: {train.Count} discs for training, {val.Count} for {(options.Recipe == GradingRecipe.Context ? "" : "early stopping and ")}calibration (patient-level split, seed {s.Seed}; {options.Recipe.ToString().ToLowerInvariant()} recipe{(options.PfirrmannOrdinalWeight > 0 ? FormattableString.Invariant($", Pfirrmann ordinal weight {options.PfirrmannOrdinalWeight}") : "")}{(options.T1DropProbability != GradingTrainingOptions.DefaultT1DropProbability ? FormattableString.Invariant($", T1 dropout {options.T1DropProbability}") : "")}{(options.T2DropProbability > 0 ? FormattableString.Invariant($", T2 dropout {options.T2DropProbability}") : "")}{(options.PfirrmannSoftSigma > 0 ? FormattableString.Invariant($", soft Pfirrmann targets sigma {options.PfirrmannSoftSigma}") : "")}{(options.PfirrmannTruncation > 0 ? FormattableString.Invariant($", Pfirrmann small-loss truncation {options.PfirrmannTruncation}") : "")})", crop);
        GradingTrainer.Export(net, s.Out, meta);
        calibration.Write(GradingCalibration.PathFor(s.Out), "temperature scaling per head on the validation patients (Guo et al. 2017)");
        Console.WriteLine($"wrote {s.Out} ({new FileInfo(s.Out).Length / 1024} KiB)");
        return 0;
    }
}
