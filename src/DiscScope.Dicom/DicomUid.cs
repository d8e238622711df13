using System.Globalization;
using System.Numerics;

namespace DiscScope.Dicom;

/// <summary>UID generation under the 2.25 root: a UUID as one unsigned 128-bit decimal integer (PS3.5 B.2, ISO/IEC 9834-8).</summary>
public static class DicomUid
{
    /// <summary>The UID derived from a UUID, e.g. 2.25.329800735698586629295641978511506172918.</summary>
    public static string FromGuid(Guid g)
    {
        var hex = g.ToString("N");
        var v = BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return "2.25." + v.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A new random UID (version 4 UUID).</summary>
    public static string Generate() => FromGuid(Guid.NewGuid());

    /// <summary>DiscScope's Implementation Class UID (0002,0012): fixed, derived from a UUID chosen once for the project.</summary>
    public static readonly string ImplementationClassUid = FromGuid(new Guid("6f1d3c52-8a4e-4b0c-9d2f-3e5a7b9c1d20"));

    /// <summary>Implementation Version Name (0002,0013), at most 16 characters.</summary>
    public const string ImplementationVersionName = "DISCSCOPE_010";

    /// <summary>True when the text is a valid UID (PS3.5 9.1): digits and dots, no leading zero per component, at most 64 chars.</summary>
    public static bool IsValid(string uid)
    {
        if (uid.Length is 0 or > 64) return false;
        foreach (var part in uid.Split('.'))
        {
            if (part.Length == 0 || part.Any(c => c is < '0' or > '9')) return false;
            if (part.Length > 1 && part[0] == '0') return false;
        }
        return true;
    }
}
