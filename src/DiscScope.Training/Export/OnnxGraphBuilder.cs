using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace DiscScope.Training.Export;

/// <summary>
/// Builds an ONNX graph (ONNX IR 8, default-domain opset <see cref="Opset"/>) node by node: blocks add nodes with the
/// names of their inputs and get the name of their output (<c>Node</c>); weights become float32 initializers. Names are made unique here.
/// </summary>
public sealed class OnnxGraphBuilder
{
    /// <summary>The operator set version the emitted nodes follow (Softmax with a single axis, opset 13 and later).</summary>
    public const int Opset = 17;

    private readonly GraphProto _graph = new() { Name = "discscope" };
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    internal GraphProto Graph => _graph;

    /// <summary>A fresh value name starting with <paramref name="prefix"/>.</summary>
    public string Fresh(string prefix)
    {
        _counters.TryGetValue(prefix, out var n);
        _counters[prefix] = n + 1;
        return n == 0 && !prefix.EndsWith('_') ? prefix + "_0" : $"{prefix}_{n}";
    }

    /// <summary>Adds a float32 initializer of the given shape and returns its name.</summary>
    public string Initializer(string prefix, float[] data, params long[] dims)
    {
        long count = 1; foreach (var d in dims) count *= d;
        if (count != data.LongLength) throw new ArgumentException($"initializer {prefix}: {data.Length} values for shape [{string.Join(", ", dims)}]");
        var name = Fresh(prefix);
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(data.AsSpan()));
        _graph.Initializer.Add(t);
        return name;
    }

    /// <summary>Adds a float32 initializer holding a TorchSharp tensor's values (detached, on the CPU).</summary>
    public string Initializer(string prefix, Tensor tensor) => Initializer(prefix, Values(tensor), tensor.shape);

    /// <summary>Adds an int64 initializer (shapes, axes).</summary>
    public string Int64Initializer(string prefix, params long[] values)
    {
        var name = Fresh(prefix);
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        _graph.Initializer.Add(t);
        return name;
    }

    /// <summary>Adds one node with one output; returns the output's name.</summary>
    public string Node(string op, IEnumerable<string> inputs, params AttributeProto[] attributes) => Node(op, inputs, Fresh(op.ToLowerInvariant()), attributes);

    /// <summary>Adds one node writing the named output; returns that name.</summary>
    public string Node(string op, IEnumerable<string> inputs, string output, params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = op, Name = Fresh("n_" + op.ToLowerInvariant()) };
        n.Input.AddRange(inputs);
        n.Output.Add(output);
        n.Attribute.AddRange(attributes);
        _graph.Node.Add(n);
        return output;
    }

    /// <summary>Declares a float32 graph input; a null dimension is symbolic, named by <paramref name="symbols"/> in order.</summary>
    public void Input(string name, long?[] dims, params string[] symbols) => _graph.Input.Add(ValueInfo(name, dims, symbols));

    /// <summary>Declares a float32 graph output (the value must have been produced by a node, or be renamed with Identity).</summary>
    public void Output(string name, long?[] dims, params string[] symbols) => _graph.Output.Add(ValueInfo(name, dims, symbols));

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Str(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A tensor's values as float32, detached and on the CPU.</summary>
    public static float[] Values(Tensor t)
    {
        using var c = t.detach().cpu().to_type(ScalarType.Float32).contiguous();
        return c.data<float>().ToArray();
    }

    private static ValueInfoProto ValueInfo(string name, long?[] dims, string[] symbols)
    {
        var shape = new TensorShapeProto();
        var s = 0;
        foreach (var d in dims)
        {
            var dim = new TensorShapeProto.Types.Dimension();
            if (d is { } v) dim.DimValue = v; else dim.DimParam = s < symbols.Length ? symbols[s++] : $"d{s++}";
            shape.Dim.Add(dim);
        }
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape };
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }
}
