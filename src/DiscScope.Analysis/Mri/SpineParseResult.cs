namespace DiscScope.Analysis.Mri;

/// <summary>The outcome of spine parsing: either a <see cref="ParsedSpine"/> or a <see cref="NoSagittalSpine"/> with its reason.</summary>
public abstract record SpineParseResult
{
    private protected SpineParseResult() { }

    /// <summary>True when a spine was found and its levels named.</summary>
    public abstract bool Found { get; }
}
