using TorchSharp;

namespace DiscScope.Training.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void TorchLoads()
    {
        using var t = torch.ones(2, 3);
        Assert.Equal(6f, t.sum().item<float>());
    }
}
