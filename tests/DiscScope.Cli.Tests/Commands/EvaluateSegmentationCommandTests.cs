using System.Text.Json;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>`discscope evaluate segmentation`: an ensemble size outside 1-10 is a bad input, refused before any data is read or any training
/// starts, with nothing written; a minimal run on the real slices writes every section of the result, and its kept networks
/// score again to the same figures, one fold alone or from part-folders joined (a fold kept twice is refused).</summary>
[Collection(ConsoleCollection.Name)]
public class EvaluateSegmentationCommandTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void AnEnsembleSizeOutOfRangeIsRefused(string members)
    {
        using var tmp = new TempDir();
        var (exit, _, err) = CliRun.Run("evaluate", "segmentation", "--members", members, "--data", tmp.File("no-such-data"),
            "--out", tmp.File("cv.json"), "--card", tmp.File("card.md"));
        Assert.Equal(1, exit);
        Assert.Contains($"--members {members}: expected 1-10", err);
        Assert.Empty(Directory.GetFileSystemEntries(tmp.Path));
    }

    [Fact]
    public void A_non_empty_keep_models_folder_is_refused_before_training()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("folds"));
        File.WriteAllText(tmp.File("folds/fold0.onnx"), "an earlier run's model");
        var (exit, _, err) = CliRun.Run("evaluate", "segmentation", "--data", tmp.File("no-such-data"), "--keep-models", tmp.File("folds"),
            "--out", tmp.File("cv.json"), "--card", "none");
        Assert.Equal(1, exit);
        Assert.Contains("is not empty", err);
        Assert.Equal("an earlier run's model", File.ReadAllText(tmp.File("folds/fold0.onnx")));
        Assert.False(File.Exists(tmp.File("cv.json")));
    }

    [DataFact]
    public void A_minimal_run_writes_per_slice_pooled_and_parser_output_figures_and_the_raw_counts()
    {
        using var tmp = new TempDir();
        // two optimiser steps per fold: the figures mean nothing, the test is about what is written
        var (exit, stdout, err) = CliRun.Run("evaluate", "segmentation", "--data", SharedData.Folder!, "--folds", "2", "--steps", "2", "--threads", "1",
            "--out", tmp.File("cv.json"), "--card", "none", "--keep-models", tmp.File("folds"));
        Assert.True(exit == 0, err);
        Assert.Equal(["fold0.onnx", "fold1.onnx", "folds.json"], Directory.GetFiles(tmp.File("folds")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("pooled per patient:", stdout);
        Assert.Contains("parser output, per slice / pooled:", stdout);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("cv.json")));
        var root = json.RootElement;
        var slices = root.GetProperty("slices").GetInt32();
        Assert.Equal(slices, root.GetProperty("cases").GetArrayLength());
        foreach (var c in root.GetProperty("cases").EnumerateArray())
        {
            var labels = c.GetProperty("labels").EnumerateArray().ToList();
            Assert.Equal([1, 2, 3], labels.Select(l => l.GetProperty("label").GetInt32()));
            Assert.All(labels, l => Assert.True(l.GetProperty("intersection").GetInt64() <= Math.Min(l.GetProperty("prediction").GetInt64(), l.GetProperty("reference").GetInt64())));
        }
        var pooled = root.GetProperty("pooledPerPatient").GetProperty("summary");
        Assert.Equal(3, pooled.GetArrayLength());
        Assert.All(pooled.EnumerateArray(), l => Assert.Equal(root.GetProperty("patients").GetInt32(), l.GetProperty("patients").GetInt32()));
        var parsed = root.GetProperty("parserOutput");
        Assert.Equal(3, parsed.GetProperty("summary").GetArrayLength());
        Assert.Equal(3, parsed.GetProperty("pooledPerPatient").GetArrayLength());

        // the kept networks, scored again without training, give the same figures
        var (again, _, err2) = CliRun.Run("evaluate", "segmentation", "--data", SharedData.Folder!, "--folds", "2", "--threads", "1",
            "--from-models", tmp.File("folds"), "--out", tmp.File("again.json"), "--card", "none");
        Assert.True(again == 0, err2);
        using var json2 = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("again.json")));
        string Figures(JsonElement r) => r.GetProperty("summary").GetRawText() + r.GetProperty("parserOutput").GetRawText();
        Assert.Equal(Figures(root), Figures(json2.RootElement));
        // one fold alone, from the same networks: only its test slices are scored
        var (one, _, err4) = CliRun.Run("evaluate", "segmentation", "--data", SharedData.Folder!, "--folds", "2", "--threads", "1", "--only-folds", "1",
            "--from-models", tmp.File("folds"), "--out", tmp.File("one.json"), "--card", "none");
        Assert.True(one == 0, err4);
        using var json4 = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("one.json")));
        Assert.Equal([1], json4.RootElement.GetProperty("onlyFolds").EnumerateArray().Select(e => e.GetInt32()));
        var foldOneSlices = root.GetProperty("perFold")[1].GetProperty("testSlices").GetInt32();
        Assert.Equal(foldOneSlices, json4.RootElement.GetProperty("cases").GetArrayLength());
        Assert.True(foldOneSlices < slices);

        // folds kept by separate runs (as --only-folds writes them) join by listing their folders
        using (var folds = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("folds/folds.json"))))
            foreach (var k in new[] { 0, 1 })
            {
                var dir = tmp.File($"part{k}");
                Directory.CreateDirectory(dir);
                File.Copy(tmp.File($"folds/fold{k}.onnx"), Path.Combine(dir, $"fold{k}.onnx"));
                File.WriteAllText(Path.Combine(dir, "folds.json"), $"{{\"folds\":[{folds.RootElement.GetProperty("folds")[k].GetRawText()}]}}");
            }
        var (joined, _, err5) = CliRun.Run("evaluate", "segmentation", "--data", SharedData.Folder!, "--folds", "2", "--threads", "1",
            "--from-models", tmp.File("part0") + "," + tmp.File("part1"), "--out", tmp.File("joined.json"), "--card", "none");
        Assert.True(joined == 0, err5);
        using var json5 = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("joined.json")));
        Assert.Equal(Figures(root), Figures(json5.RootElement));
        var (twice, _, err6) = CliRun.Run("evaluate", "segmentation", "--data", SharedData.Folder!, "--folds", "2",
            "--from-models", tmp.File("folds") + "," + tmp.File("part1"), "--out", tmp.File("twice.json"), "--card", "none");
        Assert.Equal(1, twice);
        Assert.Contains("fold 1 is kept in both", err6);
        Assert.False(File.Exists(tmp.File("twice.json")));

        // another seed splits the patients otherwise: refused, since those networks saw some of its test patients
        var (wrong, _, err3) = CliRun.Run("evaluate", "segmentation", "--data", SharedData.Folder!, "--folds", "2", "--seed", "7",
            "--from-models", tmp.File("folds"), "--out", tmp.File("wrong.json"), "--card", "none");
        Assert.Equal(1, wrong);
        Assert.Contains("no fold 0 model for test patients", err3);
        Assert.False(File.Exists(tmp.File("wrong.json")));
    }

    [Fact]
    public void A_models_folder_without_its_fold_list_is_refused()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("folds"));
        var (exit, _, err) = CliRun.Run("evaluate", "segmentation", "--data", tmp.File("no-such-data"), "--from-models", tmp.File("folds"),
            "--out", tmp.File("cv.json"), "--card", "none");
        Assert.Equal(1, exit);
        Assert.Contains("no folds.json", err);
    }
}
