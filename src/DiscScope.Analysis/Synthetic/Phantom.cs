using DiscScope.Imaging;

namespace DiscScope.Analysis.Synthetic;

/// <summary>A synthetic study: the image, its ground-truth labels (DiscScope convention) and the designed disc values.</summary>
public sealed record Phantom(Volume<float> Image, LabelMap Labels, IReadOnlyList<PhantomDisc> Discs, int MidSlice);
