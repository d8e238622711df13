using System.Text.Json;
using DiscScope.TestSupport;
using Google.Protobuf;
using Onnx;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>
/// The spine image gate in `segment` and `analyze` (`--gate FILE|none`), with hand-built constant gates: ONNX graphs whose
/// "sagittal_spine_mr_prob" output is softmax of fixed logits for any image, so one refuses every image and one passes every image: they test
/// the wiring, whatever the shipped gate (SpineGateCommandTests) decides.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class SpineGateOptionTests
{
    private static string ConstantGate(string path, float pOther, float pSpine)
    {
        var g = new GraphProto { Name = "constant-gate" };
        g.Input.Add(Value("image", [null, 1, null, null]));
        g.Output.Add(Value("sagittal_spine_mr_prob", [null, 2]));
        g.Initializer.Add(new TensorProto { Name = "zero", DataType = (int)TensorProto.Types.DataType.Float, Dims = { 1 }, FloatData = { 0f } });
        g.Initializer.Add(new TensorProto { Name = "logits", DataType = (int)TensorProto.Types.DataType.Float, Dims = { 2 }, FloatData = { MathF.Log(pOther), MathF.Log(pSpine) } });
        void Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
        {
            var n = new NodeProto { OpType = op, Name = output };
            n.Input.AddRange(inputs); n.Output.Add(output); n.Attribute.AddRange(attributes);
            g.Node.Add(n);
        }
        AttributeProto Int(string name, long v) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = v };
        Node("GlobalAveragePool", ["image"], "pooled");
        Node("Flatten", ["pooled"], "flat", Int("axis", 1));
        Node("Mul", ["flat", "zero"], "zeros");
        Node("Concat", ["zeros", "zeros"], "pair", Int("axis", 1));
        Node("Add", ["pair", "logits"], "scores");
        Node("Softmax", ["scores"], "sagittal_spine_mr_prob", Int("axis", 1));
        var model = new ModelProto { IrVersion = 8, ProducerName = "test", Graph = g };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 17 });
        File.WriteAllBytes(path, model.ToByteArray());
        return path;

        static ValueInfoProto Value(string name, long?[] dims)
        {
            var shape = new TensorShapeProto();
            foreach (var d in dims) shape.Dim.Add(d is { } v ? new TensorShapeProto.Types.Dimension { DimValue = v } : new TensorShapeProto.Types.Dimension { DimParam = "d" + shape.Dim.Count });
            return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
        }
    }

    [Fact]
    public void A_gate_that_refuses_stops_segment_and_analyze_and_one_that_passes_does_not()
    {
        using var tmp = new TempDir();
        var phantom = Analysis.Synthetic.LumbarPhantom.Create(new Analysis.Synthetic.PhantomOptions { Slices = 1 }).Image;
        var png = tmp.File("phantom.png");
        var max = phantom.Voxels.Max();
        Imaging.Formats.DefaultFormats.Create().Write(new Imaging.Volume<byte>(phantom.Geometry, [.. phantom.Voxels.Select(v => (byte)Math.Clamp(v / max * 255, 0, 255))]), png);
        var refuse = ConstantGate(tmp.File("refuse.onnx"), 0.9f, 0.1f);
        var pass = ConstantGate(tmp.File("pass.onnx"), 0.1f, 0.9f);

        var (exit, _, err) = CliRun.Run("segment", png, "--pixel-spacing", "0.8,0.8", "--gate", refuse, "--out", tmp.File("r.png"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("no sagittal spine found: the image does not look like a sagittal spine MR (image gate: probability 0.100 < 0.5); if it is a sagittal spine MR, rerun with --gate none", err);
        Assert.False(File.Exists(tmp.File("r.png")));
        (exit, _, err) = CliRun.Run("segment", png, "--pixel-spacing", "0.8,0.8", "--gate", pass, "--out", tmp.File("p.png"));
        Assert.True(exit == 0, err);
        (exit, _, err) = CliRun.Run("segment", png, "--pixel-spacing", "0.8,0.8", "--gate", "none", "--out", tmp.File("n.png"));
        Assert.True(exit == 0, err);

        (exit, _, _) = CliRun.Run("analyze", png, "--pixel-spacing", "0.8,0.8", "--sequence", "t2", "--gate", refuse, "--out", tmp.File("a"), "--formats", "json");
        Assert.Equal(1, exit);
        using (var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("a", "report.json")))))
        {
            Assert.Contains("does not look like a sagittal spine MR (image gate: probability 0.100 < 0.5); if it is a sagittal spine MR, rerun with --gate none",
                r.RootElement.GetProperty("cannot_assess").GetString());
            Assert.Equal(0, r.RootElement.GetProperty("levels").GetArrayLength());
            Assert.Contains(r.RootElement.GetProperty("models").EnumerateArray(), m => m.GetProperty("name").GetString() == "refuse");
        }
        (exit, _, err) = CliRun.Run("analyze", png, "--pixel-spacing", "0.8,0.8", "--sequence", "t2", "--gate", pass, "--out", tmp.File("b"), "--formats", "json");
        Assert.True(exit == 0, err);
        using (var r = JsonDocument.Parse(File.ReadAllText(tmp.File(Path.Combine("b", "report.json")))))
            Assert.True(r.RootElement.GetProperty("levels").GetArrayLength() >= 4);
    }

    [Fact]
    public void A_missing_gate_file_is_a_clear_error()
    {
        using var tmp = new TempDir();
        var img = new Imaging.Volume<byte>(Imaging.Geometry.ImageGeometry.Simple(64, 64, 1, 1, 1, 1));
        new Random(1).NextBytes(img.Voxels);
        Imaging.Formats.DefaultFormats.Create().Write(img, tmp.File("x.png"));
        var (exit, _, err) = CliRun.Run("segment", tmp.File("x.png"), "--gate", tmp.File("nope.onnx"), "--pixel-spacing", "1,1", "--out", tmp.File("l.png"));
        Assert.Equal(CliApp.BadInput, exit);
        Assert.Contains("nope.onnx: model not found", err);
        Assert.DoesNotContain("   at ", err);
    }
}
