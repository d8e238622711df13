using System.Text;

namespace DiscScope.Dicom;

/// <summary>A human-readable listing in the style of dcmdump: one line per element, sequences indented.</summary>
public static class DicomTextDump
{
    public static string Dump(DicomFile file, int maxValueChars = 64)
    {
        var sb = new StringBuilder();
        sb.Append("# transfer syntax: ").AppendLine(file.TransferSyntax.ToString());
        sb.AppendLine("# file meta information");
        Append(sb, file.Meta, 0, maxValueChars);
        sb.AppendLine("# data set");
        Append(sb, file.Dataset, 0, maxValueChars);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, DicomDataset ds, int depth, int max)
    {
        var pad = new string(' ', depth * 2);
        foreach (var e in ds)
        {
            var kw = e.Tag.IsPrivateCreator ? "PrivateCreator" : e.Tag.IsGroupLength ? "GroupLength" : DicomDictionary.Find(e.Tag)?.Keyword ?? (e.Tag.IsPrivate ? "Private" : "Unknown");
            sb.Append(pad).Append(e.Tag).Append(' ').Append(e.VR).Append(' ');
            if (e.Items is not null)
            {
                sb.Append(kw).Append(" (").Append(e.Items.Count).AppendLine(" items)");
                for (var i = 0; i < e.Items.Count; i++)
                {
                    sb.Append(pad).Append("  > item ").Append(i + 1).AppendLine();
                    Append(sb, e.Items[i], depth + 2, max);
                }
                continue;
            }
            string value;
            if (e.Fragments is { } f) value = $"<encapsulated: {f.Fragments.Count} fragments, offset table {f.BasicOffsetTable.Length} bytes>";
            else if (DicomVRs.IsBinary(e.VR)) value = $"<{e.Value.Length} bytes>";
            else value = "[" + string.Join('\\', DicomValues.Strings(e, ds.Charset)) + "]";
            if (value.Length > max) value = value[..max] + "...";
            sb.Append(value.ReplaceLineEndings(" ")).Append(' ').Append('#').Append(' ').Append(e.Value.Length).Append(", ").AppendLine(kw);
        }
    }
}
