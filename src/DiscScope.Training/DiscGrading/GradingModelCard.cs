using System.Globalization;
using System.Text;
using DiscScope.Evaluation;

namespace DiscScope.Training.DiscGrading;

/// <summary>Writes the disc grading model card (Markdown): data, splits, cross-validated metrics with bootstrap 95 % CIs, licence limits, intended use.</summary>
public static class GradingModelCard
{
    public static string Markdown(IReadOnlyDictionary<string, object> metrics, int discs, int patients, int discsWithT1, int folds, int seed, string trainingNote)
    {
        var b = new StringBuilder();
        b.AppendLine("# Model card: discscope-disc-grading");
        b.AppendLine();
        b.AppendLine("Multi-task CNN (residual backbone, global-average-pooled heads) grading each lumbar disc from a disc-aligned 96 x 64 crop at 0.625 mm of the");
        b.AppendLine("mid-sagittal T2 slice and, where available, the same patient's T1 slice: Pfirrmann 1-5, Modic 0-3, herniation, bulging, narrowing,");
        b.AppendLine("spondylolisthesis, upper and lower endplate changes. A context-recipe network (shipped since session 14) grades each disc beside the");
        b.AppendLine("same spine's other discs: its heads also see the mean pooled features of all the patient's discs, the disc's difference from that mean,");
        b.AppendLine("and the disc's level (input `level`, one-hot); `analyze` grades a series' discs in one run. Class activation maps explain each grade:");
        b.AppendLine("the exact CAM of a global-average-pooled head, of the disc's own features for a context network (whose context and level terms add");
        b.AppendLine("a per-disc constant to the logit).");
        b.AppendLine("Probabilities are temperature-scaled per head (each network's `<model>.calibration.json`; an ensemble's mean once more by `disc-grading.ensemble-calibration.json` where it has one).");
        b.AppendLine();
        b.AppendLine("## Data and splits");
        b.AppendLine($"- SPIDER (van der Graaf et al., Sci Data 2024) mid-sagittal T1/T2/T2-SPACE slices in the shared data folder and `gradings.csv`: {discs} graded discs of {patients} patients were found and named by DiscScope's segmentation and joined by IVD label ({discsWithT1} with a T1 crop: T1 is used only where its own parse names the same levels as the T2 parse). Discs the parser did not find are left out (never guessed).");
        b.AppendLine($"- {trainingNote}");
        b.AppendLine($"- Evaluation: patient-level {folds}-fold cross-validation, stratified by Pfirrmann grade (seed {seed}); within each fold 15 % of the training patients are held out for fitting the temperatures (and, in the classic recipe, for early stopping). Metrics are pooled over the out-of-fold predictions; 95 % CIs are patient-level (cluster) bootstrap percentiles, 2000 resamples. The ECE (10 equal-width bins) sums absolute gaps per bin, which turns a resample's noise into a positive shift when the gaps are small, so its interval can lie above a well-calibrated head's point estimate: read it as the spread of the resampled ECE, not as an interval centred on the estimate.");
        b.AppendLine("- About 20 % of SPIDER patients are held back by the project for independent evaluation; they were never seen here.");
        b.AppendLine();
        b.AppendLine("## Cross-validated metrics");
        b.AppendLine("| grading | metric | value [95 % CI] |");
        b.AppendLine("|---|---|---|");
        foreach (var (name, m) in metrics)
        {
            if (m is GradingSummary g)
            {
                Row(b, name, "accuracy", g.Accuracy); Row(b, "", "balanced accuracy", g.BalancedAccuracy); Row(b, "", "Cohen's kappa, linear", g.LinearKappa);
                Row(b, "", "Cohen's kappa, quadratic", g.QuadraticKappa); Row(b, "", "within one grade", g.WithinOne); Row(b, "", "macro one-vs-rest AUC", g.MacroAuc); Row(b, "", "ECE", g.Ece);
            }
            else if (m is BinarySummary s)
            {
                Row(b, name + (name == "modic_any" ? " (Modic 1-3 vs 0)" : ""), $"AUC ({s.Positives} positive)", s.Auc);
                Row(b, "", "sensitivity @0.5", s.Sensitivity); Row(b, "", "specificity @0.5", s.Specificity); Row(b, "", "ECE", s.Ece);
            }
        }
        b.AppendLine();
        b.AppendLine("Goals of the grading issue, for comparison: Pfirrmann linear-weighted kappa >= 0.80, exact accuracy >= 70 %, within one grade >= 98 %;");
        b.AppendLine("Modic (any vs none) AUC >= 0.90; herniation AUC >= 0.85; narrowing, bulging, spondylolisthesis and endplate AUC >= 0.85.");
        b.AppendLine();
        b.AppendLine("## Licence limits and intended use");
        b.AppendLine("- Training data: SPIDER, CC BY 4.0 — cite van der Graaf et al., Sci Data 11:264 (2024). The weights are DiscScope's own artefact.");
        b.AppendLine("- Intended use: research and decision support for sagittal lumbar MR; every grade must be confirmed by a qualified reader. Not a medical device.");
        b.AppendLine("- Known limits: mid-sagittal slice only (no axial review, so lateral herniations are invisible); 8-bit per-slice-scaled training images; two scanner vendors; rare classes (Modic 1 and 3, spondylolisthesis) have few examples and wide CIs.");
        return b.ToString();
    }

    private static void Row(StringBuilder b, string name, string metric, MetricWithCi? m) =>
        b.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {metric} | {(m is null ? "n/a" : $"{m.Value:0.000} [{m.Lower:0.000}, {m.Upper:0.000}]")} |"));
}
