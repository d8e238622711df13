namespace DiscScope.Models.Inference;

/// <summary>Stacks same-shaped items into a batch [N, ...] and splits a batch output back into items.</summary>
public static class Batching
{
    /// <summary>Stacks items of identical shape into [N, ...shape].</summary>
    public static TensorData Stack(IReadOnlyList<TensorData> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) throw new ArgumentException("no items to stack", nameof(items));
        var shape = items[0].Shape;
        var len = items[0].Data.Length;
        var data = new float[items.Count * len];
        for (var n = 0; n < items.Count; n++)
        {
            if (!items[n].Shape.AsSpan().SequenceEqual(shape))
                throw new ArgumentException($"item {n} is {items[n]}, item 0 is {items[0]}: a batch needs one shape", nameof(items));
            items[n].Data.CopyTo(data, n * len);
        }
        return new TensorData(data, [items.Count, .. shape]);
    }

    /// <summary>The items of a batch [N, ...] along axis 0.</summary>
    public static IReadOnlyList<TensorData> Split(TensorData batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return [.. Enumerable.Range(0, batch.Shape[0]).Select(batch.Item)];
    }

    /// <summary>Runs <paramref name="predictor"/> over items in batches of at most <paramref name="batchSize"/>; one output per item.</summary>
    public static IReadOnlyList<TensorData> Map(IReadOnlyList<TensorData> items, int batchSize, Func<TensorData, TensorData> predictor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var o = new List<TensorData>(items.Count);
        for (var i = 0; i < items.Count; i += batchSize)
            o.AddRange(Split(predictor(Stack([.. items.Skip(i).Take(batchSize)]))));
        return o;
    }
}
