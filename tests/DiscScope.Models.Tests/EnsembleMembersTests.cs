using DiscScope.TestSupport;

namespace DiscScope.Models.Tests;

public sealed class EnsembleMembersTests
{
    /// <summary>The model file comes first, then only its own <c>&lt;stem&gt;.member-*.onnx</c> files in ordinal name order; another
    /// model's members and a member's side files are not members.</summary>
    [Fact]
    public void TheModelFileThenItsOwnMembersInOrdinalOrder()
    {
        using var dir = new TempDir();
        foreach (var f in new[] { "seg.onnx", "seg.member-3.onnx", "seg.member-2.onnx", "seg.member-2.calibration.json", "other.member-2.onnx", "segx.member-4.onnx" })
            File.WriteAllText(dir.File(f), "");
        var members = EnsembleMembers.Of(dir.File("seg.onnx"));
        Assert.Equal([dir.File("seg.onnx"), dir.File("seg.member-2.onnx"), dir.File("seg.member-3.onnx")], members);
        Assert.Equal([dir.File("other.onnx")], EnsembleMembers.Of(dir.File("other.onnx")).Take(1));
        Assert.Equal(2, EnsembleMembers.Of(dir.File("other.onnx")).Count);
    }
}
