namespace DiscScope.Imaging.Processing;

/// <summary>How resampling reads between voxel centres.</summary>
public enum Interpolation { Nearest, Linear }
