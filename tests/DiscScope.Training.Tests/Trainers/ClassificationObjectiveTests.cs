using DiscScope.Training.Architectures;
using DiscScope.Training.Trainers;
using static TorchSharp.torch;

namespace DiscScope.Training.Tests.Trainers;

public sealed class ClassificationObjectiveTests
{
    [Fact]
    public void Expected_grade_squared_error_matches_the_hand_computed_value_and_ignores_unknown_labels()
    {
        // Row 1: uniform over 3 classes -> expected grade 1, label 2 -> error 1.
        // Row 2: p = (1, 2, 3) / 6 -> expected grade (0 + 2 + 6) / 6 = 4/3, label 0 -> error 16/9.
        // Row 3: label unknown (-1) -> left out. Mean over the two known rows: (1 + 16/9) / 2 = 25/18.
        using var logits = tensor(new float[] { 0, 0, 0, 0, MathF.Log(2), MathF.Log(3), 5, -5, 0 }).reshape(3, 3);
        using var labels = tensor(new long[] { 2, 0, -1 });
        using var loss = ClassificationObjective.ExpectedGradeSquaredError(logits, labels);
        Assert.Equal(25.0 / 18.0, loss.item<float>(), 5);
    }

    [Fact]
    public void Expected_grade_squared_error_is_zero_without_known_labels()
    {
        using var logits = tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        using var labels = tensor(new long[] { -1, -1 });
        Assert.Equal(0f, ClassificationObjective.ExpectedGradeSquaredError(logits, labels).item<float>());
    }

    [Fact]
    public void The_ordinal_term_raises_the_loss_of_an_ordinal_head_and_weights_are_validated()
    {
        TorchRuntime.Configure(3, TorchTestUtil.Threads);
        ClassificationHead[] heads = [new("grade", ["1", "2", "3", "4", "5"])];
        using var net = new MultiTaskClassifier(new ClassifierOptions(heads, Stages: 2, BaseChannels: 4));
        net.eval();
        var rng = new Random(3);
        var batch = Enumerable.Range(0, 4).Select(i => new ClassificationSample(
            [.. Enumerable.Range(0, 16 * 16).Select(_ => (float)rng.NextDouble())], 1, 16, 16, [i])).ToList();
        var plain = new ClassificationObjective(net).Loss(batch).item<float>();
        var ordinal = new ClassificationObjective(net, ordinalWeights: [0.5]).Loss(batch).item<float>();
        Assert.True(ordinal > plain, $"{ordinal} vs {plain}");
        Assert.Throws<ArgumentException>(() => new ClassificationObjective(net, ordinalWeights: [0.5, 0.5]));
        Assert.Throws<ArgumentException>(() => new ClassificationObjective(net, ordinalWeights: [-1]));
        Assert.Throws<ArgumentException>(() => new ClassificationObjective(net, ordinalWeights: [double.NaN]));
    }
}
