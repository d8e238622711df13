using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using DiscScope.Dicom;
using Spectre.Console.Cli;

namespace DiscScope.Cli.Commands;

/// <summary>
/// `discscope bench dicom DIR [-n N]`: reads every file under DIR N times (header and, where a codec exists, all pixels)
/// and prints files per second. The pydicom counterpart is tools/bench/pydicom_bench.py (dcmread + pixel_array).
/// </summary>
public sealed class BenchDicomCommand : Command<BenchDicomCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Folder searched recursively for files.")]
        public string Dir { get; init; } = "";

        [CommandOption("--slowest <K>")]
        [Description("Also list the K files that took longest (summed over passes).")]
        public int Slowest { get; init; }

        [CommandOption("--native-only")]
        [Description("Decode only native, RLE and deflated pixel data (DiscScope's own code; what pydicom decodes without plugins).")]
        public bool NativeOnly { get; init; }

        [CommandOption("--header-only")]
        [Description("Parse only (no pixel decoding), to see where the time goes.")]
        public bool HeaderOnly { get; init; }

        [CommandOption("-n|--repeat <N>")]
        [Description("Passes over the folder (default 5).")]
        public int Repeat { get; init; } = 5;
    }

    public override int Execute(CommandContext context, Settings s, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(s.Dir)) throw new InputException($"{s.Dir}: no such folder");
        if (s.Repeat < 1) throw new InputException("--repeat must be at least 1");
        var files = Directory.EnumerateFiles(s.Dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        int read = 0, rejected = 0, decoded = 0, noCodec = 0;
        long pixelBytes = 0;
        HeaderOnly = s.HeaderOnly;
        var codecs = s.NativeOnly ? new DicomCodecRegistry().Add(new RleCodec()).Add(new DeflatedFrameCodec()) : DicomCodecRegistry.Default;
        var perFile = new double[files.Length];
        Pass(files, codecs, perFile, ref read, ref rejected, ref decoded, ref noCodec, ref pixelBytes); // warm-up (JIT, file cache); not timed
        read = rejected = decoded = noCodec = 0; pixelBytes = 0;
        Array.Clear(perFile);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < s.Repeat; r++) Pass(files, codecs, perFile, ref read, ref rejected, ref decoded, ref noCodec, ref pixelBytes);
        sw.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        var perPass = s.Repeat;
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Format(inv, "files: {0} ({1} DICOM read, {2} rejected) per pass, {3} passes", files.Length, read / perPass, rejected / perPass, perPass));
        Console.Out.WriteLine(string.Format(inv, "pixels: {0} files decoded, {1} without codec, {2:F1} MB decoded per pass", decoded / perPass, noCodec / perPass, pixelBytes / perPass / 1e6));
        Console.Out.WriteLine(string.Format(inv, "time: {0:F3} s; throughput: {1:F1} files/s (DICOM files read per second)", sw.Elapsed.TotalSeconds, read / sw.Elapsed.TotalSeconds));
        // CPU time is the steadier figure on a shared machine (wall time includes waiting for a core); GC threads count too.
        Console.Out.WriteLine(string.Format(inv, "cpu: {0:F3} s; {1:F1} files per CPU-second", cpu, read / cpu));
        foreach (var i in Enumerable.Range(0, files.Length).OrderByDescending(i => perFile[i]).Take(s.Slowest))
            Console.Out.WriteLine(string.Format(inv, "  {0,8:F1} ms  {1}", perFile[i] / perPass, Path.GetRelativePath(s.Dir, files[i])));
        return 0;
    }

    private static bool HeaderOnly;

    private static void Pass(string[] files, DicomCodecRegistry codecs, double[] perFile, ref int read, ref int rejected, ref int decoded, ref int noCodec, ref long pixelBytes)
    {
        for (var n = 0; n < files.Length; n++)
        {
            var path = files[n];
            var t0 = Stopwatch.GetTimestamp();
            try { One(path, codecs, ref read, ref rejected, ref decoded, ref noCodec, ref pixelBytes); }
            finally { perFile[n] += Stopwatch.GetElapsedTime(t0).TotalMilliseconds; }
        }
    }

    private static void One(string path, DicomCodecRegistry codecs, ref int read, ref int rejected, ref int decoded, ref int noCodec, ref long pixelBytes)
    {
        {
            DicomFile f;
            try { f = DicomFile.Read(path); }
            catch (DicomException) { rejected++; return; }
            read++;
            var ds = f.Dataset;
            if (HeaderOnly || (!ds.Contains(DicomTag.PixelData) && !ds.Contains(DicomTag.FloatPixelData) && !ds.Contains(DicomTag.DoubleFloatPixelData))) return;
            try
            {
                var px = new DicomPixelData(f, codecs);
                pixelBytes += px.GetFrames().Length; // decoded layout; native data is used in place, as numpy does
                decoded++;
            }
            catch (DicomException) { noCodec++; }
        }
    }
}
