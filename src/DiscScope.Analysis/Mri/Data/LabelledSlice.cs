namespace DiscScope.Analysis.Mri.Data;

/// <summary>
/// A sagittal training/evaluation slice: image (row-major, raw intensities), 3-class mask (<see cref="Domain.Anatomy.Structure"/> indices),
/// size, spacing (mm, column then row), the patient id (for patient-level splits), the data set and a name.
/// </summary>
public sealed record LabelledSlice(string DataSet, string Patient, string Name, float[] Image, byte[] Classes, int Width, int Height,
    double ColumnSpacing, double RowSpacing)
{
    public ClassMap2D ClassMap => new(Classes, Width, Height, ColumnSpacing, RowSpacing);
}
