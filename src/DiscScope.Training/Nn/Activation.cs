using static TorchSharp.torch;

namespace DiscScope.Training.Nn;

/// <summary>Nonlinearity after convolutions: ReLU, or LeakyReLU with negative slope 0.01.</summary>
public enum Activation { Relu, LeakyRelu }

internal static class ActivationExtensions
{
    public const double LeakySlope = 0.01;

    public static Tensor Apply(this Activation a, Tensor x) =>
        a == Activation.Relu ? nn.functional.relu(x) : nn.functional.leaky_relu(x, LeakySlope);

    public static string Emit(this Activation a, Export.OnnxGraphBuilder g, string input) =>
        a == Activation.Relu ? g.Node("Relu", [input]) : g.Node("LeakyRelu", [input], Export.OnnxGraphBuilder.Float("alpha", (float)LeakySlope));
}
