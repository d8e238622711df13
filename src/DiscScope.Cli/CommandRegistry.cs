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
        c.AddBranch("dicom", b => b.AddCommand<DicomDumpCommand>("dump").WithDescription("Print the elements of a DICOM file (text, or --json for the DICOM JSON Model)."));
        c.AddBranch("bench", b => b.AddCommand<BenchDicomCommand>("dicom").WithDescription("Read every DICOM file in a folder N times (header + pixels) and print files/s."));
    }
}
