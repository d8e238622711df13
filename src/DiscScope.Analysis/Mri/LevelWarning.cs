namespace DiscScope.Analysis.Mri;

/// <summary>Something about the level naming a reader should check, with a human-readable detail.</summary>
public sealed record LevelWarning(LevelWarningKind Kind, string Detail)
{
    public override string ToString() => $"{Kind}: {Detail}";
}

/// <summary>Kinds of level-naming warning.</summary>
public enum LevelWarningKind
{
    /// <summary>The image ends just below the lowest disc and no sacrum is seen: the lowest disc was taken as L5-S1 without anatomical confirmation.</summary>
    SacrumNotSeen,
    /// <summary>Transitional lumbosacral anatomy suspected (e.g. rudimentary lowest disc, six lumbar vertebrae): levels may be off by one.</summary>
    TransitionalAnatomySuspected,
    /// <summary>Two adjacent discs are further apart than the rest: a disc may have been missed.</summary>
    IrregularDiscSpacing,
    /// <summary>No vertebral body was found between two adjacent discs.</summary>
    MissingVertebralBody,
    /// <summary>A lumbar vertebral body lies below the lowest disc found: the L5-S1 disc was not segmented and the levels were named one up.</summary>
    LowestDiscNotSegmented,
    /// <summary>The spinal canal runs into the bottom edge and ends well below the top: the image looks upside down (inferior at the top),
    /// so the level names, counted from the bottom, would be reversed.</summary>
    ImageUpsideDown,
    /// <summary>A small disc under the lowest disc, with no lumbar-sized body above it, was taken as the S1-S2 remnant inside the sacrum and
    /// left unnamed; a reader should confirm L5-S1 (a transitional L5 would make it a rudimentary L5-S1).</summary>
    SacralDiscRemnant,
    /// <summary>The image's size in mm, from its pixel spacing, is implausible for a lumbar MR (<see cref="FieldOfViewCheck"/>): the
    /// spacing is probably wrong, and the disc count with it.</summary>
    UnusualFieldOfView,
}
