using Microsoft.ML.OnnxRuntime;

namespace DiscScope.Models.Onnx;

/// <summary>
/// One ONNX model loaded into one ONNX Runtime session (thread-safe for <see cref="Run(TensorData)"/>). Float32 inputs and outputs.
/// Use <see cref="OnnxModelCache"/> to share a session per model file.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxModel(string source, InferenceSession session, string provider)
    {
        Source = source;
        _session = session;
        ExecutionProvider = provider;
        InputNames = [.. session.InputMetadata.Keys];
        OutputNames = [.. session.OutputMetadata.Keys];
        Properties = new Dictionary<string, string>(session.ModelMetadata.CustomMetadataMap);
        SizeMultiple = Properties.TryGetValue(MetadataKeys.SizeMultiple, out var m) && int.TryParse(m, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 1;
    }

    /// <summary>Spatial sizes of a 4D input [N, C, H, W] must be multiples of this (from the DiscScope metadata; 1 when absent).</summary>
    public int SizeMultiple { get; }

    /// <summary>The file (or name) the model came from.</summary>
    public string Source { get; }

    /// <summary>"CPU" or "CUDA".</summary>
    public string ExecutionProvider { get; }

    public IReadOnlyList<string> InputNames { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>All metadata_props entries of the model.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>DiscScope's typed metadata; throws <see cref="ModelException"/> when the model has none.</summary>
    public ModelMetadata Metadata => ModelMetadata.FromProperties(Source, Properties);

    /// <summary>Declared shape of an input or output; -1 for a symbolic (dynamic) dimension.</summary>
    public int[] DeclaredShape(string name) =>
        _session.InputMetadata.TryGetValue(name, out var m) ? m.Dimensions
        : _session.OutputMetadata.TryGetValue(name, out var o) ? o.Dimensions
        : throw new ModelException(Source, $"no input or output named '{name}'");

    /// <summary>Loads a model file. CUDA is tried first when <see cref="InferenceOptions.PreferCuda"/> and falls back to the CPU.</summary>
    public static OnnxModel Load(string path, InferenceOptions? options = null) =>
        Create(path, options ?? InferenceOptions.Default, o => new InferenceSession(path, o));

    /// <summary>Loads a model from bytes (e.g. an embedded resource); <paramref name="name"/> is used in messages.</summary>
    public static OnnxModel Load(byte[] model, string name, InferenceOptions? options = null) =>
        Create(name, options ?? InferenceOptions.Default, o => new InferenceSession(model, o));

    private static OnnxModel Create(string source, InferenceOptions options, Func<SessionOptions, InferenceSession> open)
    {
        if (options.PreferCuda)
        {
            SessionOptions? cuda = null;
            try
            {
                cuda = SessionOptions.MakeSessionOptionWithCudaProvider(options.CudaDevice);
                Configure(cuda, options);
                return new OnnxModel(source, open(cuda), "CUDA");
            }
            catch (OnnxRuntimeException) { cuda?.Dispose(); } // no CUDA provider in this ONNX Runtime build or no GPU: use the CPU
            catch (EntryPointNotFoundException) { cuda?.Dispose(); }
            catch (DllNotFoundException) { cuda?.Dispose(); }
        }
        var cpu = new SessionOptions();
        Configure(cpu, options);
        try
        {
            return new OnnxModel(source, open(cpu), "CPU");
        }
        catch (OnnxRuntimeException e) { throw new ModelException(source, "ONNX Runtime cannot load the model: " + e.Message, e); }
    }

    private static void Configure(SessionOptions o, InferenceOptions options)
    {
        o.GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL;
        o.ExecutionMode = ExecutionMode.ORT_SEQUENTIAL;
        o.InterOpNumThreads = 1;
        if (options.Threads > 0) o.IntraOpNumThreads = options.Threads;
        o.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
    }

    /// <summary>Runs the model on its single input; returns every output by name.</summary>
    public IReadOnlyDictionary<string, TensorData> Run(TensorData input)
    {
        if (InputNames.Count != 1) throw new ModelException(Source, $"has {InputNames.Count} inputs; name them with Run(IReadOnlyDictionary)");
        return Run(new Dictionary<string, TensorData> { [InputNames[0]] = input });
    }

    /// <summary>Runs the model on a row-major float buffer of the given shape (e.g. [1, 1, 256, 256]).</summary>
    public IReadOnlyDictionary<string, TensorData> Run(float[] input, params int[] shape) => Run(new TensorData(input, shape));

    /// <summary>Runs the model with named inputs; returns every output by name.</summary>
    public IReadOnlyDictionary<string, TensorData> Run(IReadOnlyDictionary<string, TensorData> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var names = new List<string>(inputs.Count);
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var (name, t) in inputs)
            {
                CheckShape(name, t.Shape);
                names.Add(name);
                values.Add(OrtValue.CreateTensorValueFromMemory(t.Data, Array.ConvertAll(t.Shape, d => (long)d)));
            }
            using var run = new RunOptions();
            using var outputs = _session.Run(run, names, values, OutputNames);
            var result = new Dictionary<string, TensorData>(OutputNames.Count);
            var i = 0;
            foreach (var o in outputs)
            {
                var shape = Array.ConvertAll(o.GetTensorTypeAndShape().Shape, d => checked((int)d));
                result[OutputNames[i++]] = new TensorData(o.GetTensorDataAsSpan<float>().ToArray(), shape);
            }
            return result;
        }
        catch (OnnxRuntimeException e) { throw new ModelException(Source, "inference failed: " + e.Message, e); }
        finally { foreach (var v in values) v.Dispose(); }
    }

    private void CheckShape(string name, int[] shape)
    {
        if (!_session.InputMetadata.TryGetValue(name, out var m))
            throw new ModelException(Source, $"no input named '{name}' (inputs: {string.Join(", ", InputNames)})");
        var want = m.Dimensions;
        var ok = want.Length == shape.Length;
        for (var i = 0; ok && i < want.Length; i++) ok = want[i] < 0 || want[i] == shape[i];
        if (ok && shape.Length == 4 && (shape[2] % SizeMultiple != 0 || shape[3] % SizeMultiple != 0))
            throw new ModelException(Source, $"input '{name}' is {shape[2]} x {shape[3]} pixels; this model needs multiples of {SizeMultiple} (pad, or tile with SlidingWindow)");
        if (!ok) throw new ModelException(Source, $"input '{name}' has shape [{string.Join(", ", shape)}], the model expects [{string.Join(", ", want.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]");
    }

    public void Dispose() => _session.Dispose();
}
