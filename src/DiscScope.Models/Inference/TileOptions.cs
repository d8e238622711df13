namespace DiscScope.Models.Inference;

/// <summary>Sliding-window settings for images larger than a network's tile.</summary>
/// <param name="TileHeight">Tile height in pixels (a multiple of the model's size multiple).</param>
/// <param name="TileWidth">Tile width in pixels.</param>
/// <param name="Overlap">Fraction (0 .. 0.9) of a tile shared with its neighbour.</param>
/// <param name="GaussianWeighting">Blend overlapping tiles with a Gaussian centred on each tile (sigma = 1/8 of the tile), as nnU-Net does;
/// otherwise a plain average.</param>
/// <param name="BatchSize">Tiles sent to the model per call.</param>
public sealed record TileOptions(int TileHeight = 256, int TileWidth = 256, double Overlap = 0.5, bool GaussianWeighting = true, int BatchSize = 4);
