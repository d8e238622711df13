namespace DiscScope.Models;

/// <summary>The one exception the Models layer throws: a model file that cannot be loaded or run, or an input of the wrong shape.
/// The message names the model (file) and the reason.</summary>
public class ModelException : Exception
{
    public ModelException(string model, string reason, Exception? inner = null) : base($"{model}: {reason}", inner)
    {
        Model = model; Reason = reason;
    }

    /// <summary>The model's file path or name.</summary>
    public string Model { get; }
    public string Reason { get; }
}
