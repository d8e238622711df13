using System.ComponentModel;
using DiscScope.Dicom;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>`discscope dicom dump FILE [--json]`: the elements of a DICOM file, as text or as the DICOM JSON Model (PS3.18 F.2).</summary>
public sealed class DicomDumpCommand : Command<DicomDumpCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("DICOM Part 10 file.")]
        public string File { get; init; } = "";

        [CommandOption("--json")]
        [Description("Print the DICOM JSON Model (bulk data of 1 KiB or more as BulkDataURI bulk:GGGGEEEE).")]
        public bool Json { get; init; }

        [CommandOption("--meta")]
        [Description("With --json, include the File Meta Information (group 0002).")]
        public bool Meta { get; init; }
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(s.File)) throw new InputException($"{s.File}: no such file");
        var f = DicomFile.Read(s.File);
        Console.Out.WriteLine(s.Json ? DicomJsonWriter.Serialize(f, new DicomJsonOptions { IncludeMeta = s.Meta }) : DicomTextDump.Dump(f));
        return 0;
    }
}
