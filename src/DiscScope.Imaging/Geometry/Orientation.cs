namespace DiscScope.Imaging.Geometry;

/// <summary>Orientation codes in the ITK/DICOM "towards" convention: each letter names the patient direction an index axis increases towards (L/R, P/A, S/I).</summary>
public static class Orientation
{
    /// <summary>Letter for the patient direction a unit vector points towards most (LPS space).</summary>
    public static char Letter(Vec3 axis)
    {
        var ax = Math.Abs(axis.X); var ay = Math.Abs(axis.Y); var az = Math.Abs(axis.Z);
        if (ax >= ay && ax >= az) return axis.X >= 0 ? 'L' : 'R';
        if (ay >= az) return axis.Y >= 0 ? 'P' : 'A';
        return axis.Z >= 0 ? 'S' : 'I';
    }

    /// <summary>Three-letter code, e.g. "LPS" for the identity direction.</summary>
    public static string Code(Matrix3 direction) =>
        new([Letter(direction.Column(0)), Letter(direction.Column(1)), Letter(direction.Column(2))]);

    /// <summary>Unit LPS vector for a letter.</summary>
    public static Vec3 Axis(char letter) => char.ToUpperInvariant(letter) switch
    {
        'L' => new(1, 0, 0), 'R' => new(-1, 0, 0), 'P' => new(0, 1, 0), 'A' => new(0, -1, 0), 'S' => new(0, 0, 1), 'I' => new(0, 0, -1),
        _ => throw new ArgumentException($"not an orientation letter: {letter}", nameof(letter)),
    };
}
