using DiscScope.Dicom.Tests.Support;
using DiscScope.TestSupport;
using Xunit.Abstractions;

namespace DiscScope.Dicom.Tests.Series;

/// <summary>Every corpus image becomes a volume or fails with DicomException (e.g. no codec); nothing else escapes.</summary>
public sealed class CorpusVolumeTests(ITestOutputHelper output)
{
    [DataFact]
    public void EveryCorpusImageBecomesAVolumeOrADicomException()
    {
        int volumes = 0, refused = 0;
        var problems = new List<string>();
        foreach (var path in Corpus.Files)
        {
            DicomFile f;
            try { f = DicomFile.Read(path); } catch (DicomException) { continue; }
            if (!f.Dataset.Contains(DicomTag.PixelData) && !f.Dataset.Contains(DicomTag.FloatPixelData) && !f.Dataset.Contains(DicomTag.DoubleFloatPixelData)) continue;
            try
            {
                var v = DicomVolumeBuilder.Build(DicomSeriesScanner.Group([f])[0]);
                Assert.True(v.Volume.Length > 0);
                volumes++;
            }
            catch (DicomException) { refused++; }
            catch (Exception e) { problems.Add($"{Corpus.Rel(path)}: {e.GetType().Name}: {e.Message}"); }
        }
        // Each folder read as a study: the largest series is assembled (mixed sizes, positions and syntaxes on the way).
        foreach (var dir in Directory.EnumerateDirectories(Corpus.Root, "*", SearchOption.AllDirectories))
        {
            try { DicomVolumeBuilder.Read(dir); volumes++; }
            catch (DicomException) { refused++; }
            catch (Exception e) { problems.Add($"{Corpus.Rel(dir)}/: {e.GetType().Name}: {e.Message}"); }
        }
        output.WriteLine($"volumes: {volumes} built (files and folders), {refused} refused with DicomException");
        foreach (var p in problems) output.WriteLine(p);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }
}
