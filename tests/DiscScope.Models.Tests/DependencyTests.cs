using DiscScope.Models.Onnx;

namespace DiscScope.Models.Tests;

public sealed class DependencyTests
{
    /// <summary>Analysis hosts load DiscScope.Models only: it must never pull in TorchSharp (training-time only, 500 MB of native code).</summary>
    [Fact]
    public void ModelsDoesNotReferenceTorchSharp() =>
        Assert.DoesNotContain(typeof(OnnxModel).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("TorchSharp", StringComparison.OrdinalIgnoreCase));
}
