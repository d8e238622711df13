using DiscScope.Cli.Commands;
using Spectre.Console.Cli;

namespace DiscScope.Cli;

/// <summary>The one place where every subcommand is registered.</summary>
public static class CommandRegistry
{
    public static void Register(IConfigurator c)
    {
        c.AddCommand<DemoCommand>("demo").WithDescription("Run the pipeline on an embedded synthetic lumbar MR study (no external data).");
        c.AddCommand<InfoCommand>("info").WithDescription("Print dimensions, spacing, orientation and value range of an image.");
        c.AddCommand<ReportCommand>("report").WithDescription("Render a report.json to HTML, PDF, CSV, FHIR and DICOM SR.");
        c.AddCommand<ConvertCommand>("convert").WithDescription("Convert an image between supported formats, keeping geometry.");
        c.AddCommand<AnalyzeCommand>("analyze").WithDescription("Parse, measure and grade a sagittal lumbar MR; write report.json/html/pdf, findings.csv, FHIR, DICOM SR/SEG, labels.");
        c.AddCommand<SegmentCommand>("segment").WithDescription("Segment vertebrae, discs and canal of a sagittal spine MR and label the levels (SPIDER convention).");
        c.AddBranch("train", t =>
        {
            t.SetDescription("Train DiscScope's models from the shared data.");
            t.AddCommand<TrainSegmentationCommand>("segmentation").WithDescription("Train the sagittal vertebra/disc/canal segmentation model.");
            t.AddCommand<TrainGradingCommand>("grading").WithDescription("Train the multi-task disc grading model (Pfirrmann, Modic, herniation, ...).");
            t.AddCommand<TrainGradingCalibrationCommand>("grading-calibration").WithDescription("Fit the grading ensemble's own temperatures on its out-of-fold mean (cross-fitted evaluation).");
            t.AddCommand<TrainSpineGateCommand>("spine-gate").WithDescription("Train the image gate that refuses images unlike a sagittal spine MR (radiographs, CT, other images).");
            t.AddCommand<TrainGradingFusionCommand>("grading-fusion").WithDescription("Fit the measurement fusion of the grading model on its out-of-fold predictions (with its cross-validation).");
        });
        c.AddBranch("evaluate", e =>
        {
            e.SetDescription("Cross-validate DiscScope's models with bootstrap confidence intervals.");
            e.AddCommand<EvaluateSegmentationCommand>("segmentation").WithDescription("Patient-level K-fold cross-validation of the spine segmentation (Dice, HD95, bootstrap CIs).");
            e.AddCommand<EvaluateLevelsCommand>("levels").WithDescription("Level accuracy (FMRP), disc counts (SPIDER mid-sagittal) and Dice on unseen data (FMRP, vesal).");
            e.AddCommand<EvaluateSpineGateCommand>("spine-gate").WithDescription("Group-level K-fold CV of the spine image gate: per-source pass/refusal rates, AUC with CIs.");
            e.AddCommand<EvaluateGradingCommand>("grading").WithDescription("Patient-level K-fold CV of the disc grading model.");
            e.AddCommand<EvaluateGradingSubgroupsCommand>("grading-subgroups").WithDescription("Cross-validated grading figures per subgroup (vendor, field strength, scanner, sex, T1 use, level) with CIs.");
            e.AddCommand<EvaluateGradingAuditCommand>("grading-audit").WithDescription("Audit of the reference gradings from out-of-fold predictions (confident learning, self-contradicting references, spines graded apart); changes no label.");
        });
        c.AddBranch("dicom", b => b.AddCommand<DicomDumpCommand>("dump").WithDescription("Print the elements of a DICOM file (text, or --json for the DICOM JSON Model)."));
        c.AddBranch("bench", b => { b.SetDescription("Benchmarks (figures go into issue notes)."); b.AddCommand<BenchDicomCommand>("dicom").WithDescription("Read every DICOM file in a folder N times (header + pixels) and print files/s."); b.AddCommand<BenchAnalyzeCommand>("analyze").WithDescription("End-to-end wall time of analyze (all report formats), N runs in one process."); b.AddCommand<BenchModelsCommand>("models").WithDescription("ONNX Runtime vs TorchSharp forward time of the U-Net at 256^2 and 512^2."); b.AddCommand<BenchSegmentCommand>("segment").WithDescription("Spine parsing wall time on a 15-slice 512x512 sagittal series (model load excluded)."); });
    }
}
