using DiscScope.Domain.Anatomy;
using DiscScope.Imaging;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Compares predicted disc levels with a per-level reference mask (values k = SPIDER IVD label, 0 = background): for every reference
/// disc, the predicted disc label covering most of its voxels must be 200 + k. Also the Dice of all discs merged.
/// </summary>
public static class DiscLevelAgreement
{
    /// <summary>One reference disc: its IVD label k, the predicted label found on it (0 = none) and whether it is right.</summary>
    public sealed record DiscMatch(int ReferenceIvdLabel, short PredictedLabel, long OverlapVoxels, bool Correct);

    public sealed record Result(IReadOnlyList<DiscMatch> Discs, double MergedDiscDice)
    {
        public int Correct => Discs.Count(d => d.Correct);
    }

    public static Result Compare(Volume<short> predicted, Volume<byte> reference)
    {
        if (predicted.Length != reference.Length) throw new ArgumentException("predicted and reference grids differ");
        var votes = new Dictionary<int, Dictionary<short, long>>();
        long inter = 0, p = 0, r = 0;
        for (long i = 0; i < predicted.Length; i++)
        {
            var k = reference.Voxels[i]; var l = predicted.Voxels[i];
            var pd = l > SpineLabel.DiscBase && l <= SpineLabel.DiscBase + 25;
            if (pd) p++;
            if (k == 0) continue;
            r++;
            if (!pd) continue;
            inter++;
            if (!votes.TryGetValue(k, out var v)) votes[k] = v = [];
            v[l] = v.GetValueOrDefault(l) + 1;
        }
        var refLabels = reference.Voxels.Where(x => x != 0).Distinct().Order().ToArray();
        var discs = refLabels.Select(k =>
        {
            if (!votes.TryGetValue(k, out var v)) return new DiscMatch(k, 0, 0, false);
            var best = v.MaxBy(e => e.Value);
            return new DiscMatch(k, best.Key, best.Value, best.Key == SpineLabel.DiscBase + k);
        }).ToList();
        return new Result(discs, p + r == 0 ? 1 : 2.0 * inter / (p + r));
    }
}
