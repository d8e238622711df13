namespace DiscScope.Models;

/// <summary>A dense float32 tensor in row-major (C) order: <see cref="Shape"/> e.g. [N, C, H, W].</summary>
public sealed record TensorData
{
    public TensorData(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long n = 1;
        foreach (var d in shape) { if (d < 0) throw new ArgumentException($"negative dimension in [{string.Join(", ", shape)}]", nameof(shape)); n *= d; }
        if (n != data.LongLength) throw new ArgumentException($"shape [{string.Join(", ", shape)}] needs {n} values, buffer holds {data.LongLength}", nameof(data));
        Data = data; Shape = shape;
    }

    public float[] Data { get; }
    public int[] Shape { get; }
    public int Rank => Shape.Length;
    public long Length => Data.LongLength;

    /// <summary>Number of elements of one item along axis 0 (e.g. C*H*W of an N*C*H*W tensor).</summary>
    public int ItemLength => Rank == 0 ? 1 : (int)(Data.LongLength / Math.Max(1, Shape[0]));

    /// <summary>Item <paramref name="n"/> along axis 0, copied, with the remaining shape.</summary>
    public TensorData Item(int n)
    {
        if (Rank == 0 || n < 0 || n >= Shape[0]) throw new ArgumentOutOfRangeException(nameof(n));
        var len = ItemLength;
        return new TensorData(Data.AsSpan(n * len, len).ToArray(), Shape[1..]);
    }

    public override string ToString() => $"float32[{string.Join(", ", Shape)}]";
}
