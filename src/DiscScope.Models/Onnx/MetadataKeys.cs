namespace DiscScope.Models.Onnx;

/// <summary>Keys of DiscScope's entries in an ONNX model's metadata_props (ONNX IR, ModelProto.metadata_props).</summary>
public static class MetadataKeys
{
    public const string Name = "discscope.name";
    public const string Version = "discscope.version";
    public const string Task = "discscope.task";
    public const string Architecture = "discscope.architecture";
    public const string Description = "discscope.description";
    public const string TrainingData = "discscope.training_data";
    /// <summary>JSON of <see cref="InputNormalization"/>.</summary>
    public const string InputNormalization = "discscope.input_normalization";
    /// <summary>JSON object: head name -> array of class labels (index = class id). Segmentation and heatmap models use head "labels".</summary>
    public const string LabelMap = "discscope.label_map";
    /// <summary>JSON array of input sizes the network accepts: spatial sizes must be multiples of this.</summary>
    public const string SizeMultiple = "discscope.size_multiple";
    public const string Licence = "discscope.licence";
}
