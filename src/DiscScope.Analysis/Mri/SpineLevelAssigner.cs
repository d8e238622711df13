using DiscScope.Domain.Anatomy;

namespace DiscScope.Analysis.Mri;

/// <summary>
/// Turns a 3-class sagittal map (vertebra / disc / canal) into named levels, as a pure function:
/// disc regions -> the longest column-like chain -> ordered bottom-up along the spinal axis; the lowest disc above the sacrum is L5-S1
/// (SPIDER IVD label 1), counting upward, unless a lumbar-sized body lies under the lowest disc found (then that body is L5: a disc region
/// right under it is taken back as L5-S1 (<see cref="LowestDiscRescue"/>), else L5-S1 was missed and the levels start at L4-L5, with a
/// warning); vertebra pixels take the number of disc planes below them (1 = L5), pixels below L5-S1 are sacrum.
/// Discs are checked against the spinal canal's main column (<see cref="CanalColumn"/>), so canal-like blobs in the pelvis do not admit
/// pelvic regions as discs.
/// Posterior elements are told from bodies by the canal: bodies lie anterior to it.
/// </summary>
public static class SpineLevelAssigner
{
    public static SpineParseResult Assign(ClassMap2D map, LevelAssignmentOptions? options = null)
    {
        var o = options ?? LevelAssignmentOptions.Default;
        var canal = CanalColumn.Select(ConnectedComponents.Find(map, Structure.Canal), map);
        var canalX = CanalCentreByRow(map, canal);
        bool AnteriorToCanal(Component2D c, double toleranceMm)
        {
            var cx = canalX(c.CentroidYMm);
            return double.IsNaN(cx) || c.CentroidXMm < cx + toleranceMm;
        }

        var hasCanal = canal.Sum(c => c.AreaMm2) >= o.MinCanalAreaMm2;
        // A disc lies in front of the canal (0-60 mm anterior to its centre line, at a height where the canal is seen) and has bone
        // right above it; regions elsewhere (bowel, vessels, fat) are not discs.
        bool DiscLike(Component2D c)
        {
            if (c.AreaMm2 < o.MinDiscAreaMm2) return false;
            var cx = canalX(c.CentroidYMm);
            if (hasCanal && (double.IsNaN(cx) || c.CentroidXMm > cx + 3 || c.CentroidXMm < cx - 70)) return false;
            // Every disc has a vertebral body right above it (the lowest one has the sacrum, which SPIDER-style masks leave unlabelled,
            // below it); a disc cut by the top edge of the image may have no bone above it in view.
            return !hasCanal || c.TopYMm < 15 || VertebraNear(map, c.CentroidXMm, c.TopYMm, -1);
        }
        var discRegions = ConnectedComponents.Find(map, Structure.Disc);
        var discs = discRegions.Where(DiscLike).OrderBy(c => c.CentroidYMm).ToList();
        discs = MergeFragments(discs, map, o.MergeDiscFragmentsMm);
        var chain = LongestColumn(discs, o);
        if (chain.Count < o.MinDiscs)
            return new NoSagittalSpine(NoSpineReason.NoSpineStructures,
                chain.Count == 0 ? "no intervertebral disc found" : $"only {chain.Count} disc(s) in a column-like arrangement (at least {o.MinDiscs} needed)");

        // A small region at the top of the column that is not cut by the image edge is a fragment (e.g. inside a vertebral body), not a disc.
        if (chain.Count > o.MinDiscs && chain[0].TopYMm > 3 * map.RowSpacing
            && chain[0].AreaMm2 < o.FragmentDiscFraction * Median([.. chain.Skip(1).Select(c => c.AreaMm2)]))
            chain.RemoveAt(0);
        // Bottom-up: chain[0] is the lowest disc.
        chain.Reverse();
        var vertebrae = ConnectedComponents.Find(map, Structure.Vertebra).Where(c => c.AreaMm2 >= o.MinVertebraAreaMm2).ToList();
        var bodies = vertebrae.Where(c => AnteriorToCanal(c, 0)).ToList();
        Component2D? remnant = null;
        if (SacralRemnant.IsRemnant(chain, bodies, o))
        {
            remnant = chain[0];
            chain.RemoveAt(0);
        }
        var lowest = chain[0];
        var bodyBelow = bodies.Where(b => b.CentroidYMm > lowest.CentroidYMm + 3 && Math.Abs(b.CentroidXMm - lowest.CentroidXMm) < 60
                                       && b.TopYMm < lowest.CentroidYMm + 25)
            .OrderBy(b => b.CentroidYMm).FirstOrDefault();

        var warnings = new List<LevelWarning>();
        var confidence = 1.0;
        if (remnant is not null)
        {
            warnings.Add(new(LevelWarningKind.SacralDiscRemnant, FormattableString.Invariant(
                $"a small disc ({remnant.AreaMm2:F0} mm²) under the lowest disc, with no lumbar-sized body above it, was taken as the S1-S2 remnant inside the sacrum, not as L5-S1")));
            confidence *= 0.8;
        }
        if (UpsideDown(map, canal, o) is { } upsideDown)
        {
            warnings.Add(upsideDown);
            confidence *= 0.3;
        }
        // The network was taught on masks that leave the sacrum unlabelled, so a whole vertebral body of lumbar size below the lowest disc
        // found is L5, and the L5-S1 disc under it was not segmented: the levels are named one up, and the missing disc is reported, not invented.
        var columnBodies = bodies.Where(b => b.CentroidYMm < lowest.CentroidYMm && b.CentroidYMm > chain[^1].CentroidYMm).ToArray();
        var offset = 0;
        if (bodyBelow is not null && columnBodies.Length >= 2)
        {
            var typical = Median([.. columnBodies.Select(b => b.AreaMm2)]);
            var typicalExtent = Median([.. columnBodies.Select(b => b.BottomYMm - b.TopYMm)]);
            // L5 sits right under the L4-L5 disc (touching it, in line with it) and is a body of lumbar size and height; bone further down
            // or off the column is pelvis, and the sacrum, steeply tilted and long, spans much more height than a lumbar body.
            var underLowest = bodyBelow.TopYMm - lowest.BottomYMm < 8 && Math.Abs(bodyBelow.CentroidXMm - lowest.CentroidXMm) < 25;
            var lumbarShape = bodyBelow.AreaMm2 >= o.LumbarBodyMinFraction * typical && bodyBelow.AreaMm2 <= 1.5 * typical
                              && bodyBelow.BottomYMm - bodyBelow.TopYMm <= 1.35 * typicalExtent;
            // The network often did segment that disc, beyond the end of the canal it found (T1: dark CSF), so the canal test turned it
            // away: a disc region right under this body is taken back as L5-S1 (LowestDiscRescue).
            var rescued = underLowest && lumbarShape
                ? LowestDiscRescue.Find(bodyBelow, discRegions, map, lowest, Median([.. Enumerable.Range(1, chain.Count - 1).Select(k => Distance(chain[k - 1], chain[k]))]), chain, o)
                : null;
            if (rescued is not null)
            {
                chain.Insert(0, rescued);
                lowest = rescued;
                bodyBelow = null;
            }
            else if (underLowest && lumbarShape)
            {
                offset = 1;
                warnings.Add(new(LevelWarningKind.LowestDiscNotSegmented,
                    FormattableString.Invariant($"a lumbar-sized vertebral body ({bodyBelow.AreaMm2:F0} mm², median {typical:F0} mm²) lies below the lowest disc found: it was taken as L5 and the L5-S1 disc below it was not segmented")));
                confidence *= 0.7;
            }
        }
        var sacrum = offset == 0 ? bodyBelow : null;
        // SPIDER-style masks do not segment the sacrum, so its absence is normal; what matters is whether the image reaches below the lowest disc.
        var imageBottom = (map.Height - 1) * map.RowSpacing;
        if (sacrum is null && imageBottom - lowest.BottomYMm < 15)
        {
            warnings.Add(new(LevelWarningKind.SacrumNotSeen, "the lowest disc touches the bottom of the image: the sacrum may be out of view and the lowest disc was taken as L5-S1"));
            confidence *= 0.6;
        }
        // L5-S1 is normally the most inclined lumbar disc; if not, the lowest disc found may be a higher one.
        if (chain.Count >= 3)
        {
            static double Tilt(Component2D c) => Math.Abs(Math.Atan2(c.LongAxis.Y, c.LongAxis.X));
            if (Tilt(chain[0]) + 0.05 < Math.Max(Tilt(chain[1]), Tilt(chain[2]))) confidence *= 0.85;
        }

        var planes = chain.Select(Plane).ToArray();
        int DiscsBelow(double x, double y) => CountAbove(planes, x, y);

        var labels = new short[map.Classes.Length];
        var discOut = new List<DiscInstance>();
        for (var k = 1; k <= chain.Count; k++)
        {
            var c = chain[k - 1];
            if (k + offset > 23) break; // beyond C2-C3: not a lumbar/thoracic MR
            var level = DiscLevel.FromSpiderIvdLabel(k + offset);
            var label = SpineLabel.Of(level);
            foreach (var p in c.Pixels) labels[p] = label;
            var (_, _, nx, ny) = Plane(c);
            discOut.Add(new DiscInstance(level, label, c.CentroidXMm, c.CentroidYMm, c.AreaMm2, nx, ny));
        }

        // Vertebra pixels near the disc column, named by the number of disc planes below them.
        var top = chain[^1].TopYMm - 60; var bottom = lowest.BottomYMm + 90;
        var bodyArea = new Dictionary<short, (double A, double X, double Y)>();
        var bodySet = new HashSet<Component2D>(bodies);
        foreach (var v in vertebrae)
        {
            if (v.CentroidYMm < top || v.CentroidYMm > bottom || Math.Abs(v.CentroidXMm - ColumnX(chain, v.CentroidYMm)) > 90) continue;
            var isBody = bodySet.Contains(v);
            foreach (var p in v.Pixels)
            {
                double x = p % map.Width * map.ColumnSpacing, y = p / map.Width * map.RowSpacing;
                var n = DiscsBelow(x, y) + offset;
                var label = n == 0 ? SpineLabel.Sacrum : (short)Math.Min(n, 25);
                labels[p] = label;
                if (!isBody) continue;
                bodyArea.TryGetValue(label, out var acc);
                bodyArea[label] = (acc.A + map.PixelArea, acc.X + x * map.PixelArea, acc.Y + y * map.PixelArea);
            }
        }
        // Only the canal column is labelled canal: a stray canal-class region (pelvis, image edge) would corrupt the canal AP diameter
        // and the CSF reference of the signal ratio, which read the canal label.
        foreach (var c in canal) foreach (var p in c.Pixels) labels[p] = SpineLabel.Canal;

        var vertOut = bodyArea.Where(kv => kv.Value.A >= o.MinVertebraAreaMm2)
            .Select(kv => new VertebraInstance(kv.Key == SpineLabel.Sacrum ? VertebraLevel.S1 : VertebraLevels.FromSpiderLabel(kv.Key), kv.Key,
                kv.Value.X / kv.Value.A, kv.Value.Y / kv.Value.A, kv.Value.A))
            .OrderBy(v => v.Label == SpineLabel.Sacrum ? 0 : v.Label).ToList();

        for (var k = 1; k < chain.Count; k++)
            if (!vertOut.Any(v => v.Label == k + offset))
            {
                warnings.Add(new(LevelWarningKind.MissingVertebralBody, $"no vertebral body between {discOut[k - 1].Level} and {discOut[k].Level}"));
                confidence *= 0.7;
            }

        var gaps = Enumerable.Range(1, chain.Count - 1).Select(k => Distance(chain[k - 1], chain[k])).ToArray();
        var medianGap = Median(gaps);
        for (var k = 1; k < chain.Count; k++)
            if (gaps[k - 1] > 1.6 * medianGap)
            {
                warnings.Add(new(LevelWarningKind.IrregularDiscSpacing,
                    FormattableString.Invariant($"{gaps[k - 1]:F0} mm between {discOut[k - 1].Level} and {discOut[k].Level} (median {medianGap:F0} mm): a disc may be missing")));
                confidence *= 0.6;
            }

        var medianArea = Median(chain.Skip(1).Select(c => c.AreaMm2).ToArray());
        if (chain.Count >= 3 && lowest.AreaMm2 < o.RudimentaryDiscFraction * medianArea)
        {
            warnings.Add(new(LevelWarningKind.TransitionalAnatomySuspected,
                FormattableString.Invariant($"the lowest disc is rudimentary ({lowest.AreaMm2:F0} mm² vs median {medianArea:F0} mm²): possible lumbosacral transitional vertebra")));
            confidence *= 0.6;
        }
        if (discOut.Count < o.MinReportedDiscs)
            return new NoSagittalSpine(NoSpineReason.NoSpineStructures,
                $"only {discOut.Count} disc(s) found (a sagittal lumbar MR shows at least {o.MinReportedDiscs}, L2-L3 to L5-S1)");
        return new ParsedSpine(discOut, vertOut, sacrum is not null, Math.Round(confidence, 3), warnings, labels);
    }

    /// <summary>The upside-down warning when the canal column reaches the bottom edge and starts well below the top edge
    /// (<see cref="LevelAssignmentOptions.UpsideDownCanalBottomFraction"/>); null otherwise.</summary>
    public static LevelWarning? UpsideDown(ClassMap2D map, IReadOnlyList<Component2D> canal, LevelAssignmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(map); ArgumentNullException.ThrowIfNull(canal); ArgumentNullException.ThrowIfNull(options);
        if (canal.Count == 0) return null;
        var height = map.Height * map.RowSpacing;
        double top = canal.Min(c => c.TopYMm), bottom = canal.Max(c => c.BottomYMm) + map.RowSpacing;
        if (bottom < options.UpsideDownCanalBottomFraction * height || top < options.UpsideDownCanalTopFraction * height) return null;
        return new LevelWarning(LevelWarningKind.ImageUpsideDown, FormattableString.Invariant(
            $"the spinal canal runs into the bottom edge and ends {top:F0} mm below the top edge: the image looks upside down (inferior at the top), so the level names, counted from the bottom, may be reversed"));
    }

    /// <summary>True when vertebra-class pixels lie within 12 mm above (direction -1) or below (+1) the point, within ±15 mm horizontally.</summary>
    private static bool VertebraNear(ClassMap2D map, double xMm, double yMm, int direction)
    {
        var x0 = (int)((xMm - 15) / map.ColumnSpacing); var x1 = (int)((xMm + 15) / map.ColumnSpacing);
        var yA = yMm + direction * 1; var yB = yMm + direction * 12;
        int y0 = (int)(Math.Min(yA, yB) / map.RowSpacing), y1 = (int)(Math.Max(yA, yB) / map.RowSpacing);
        var need = Math.Max(1, (int)(20 / map.PixelArea)); var n = 0;
        for (var y = Math.Max(0, y0); y <= Math.Min(map.Height - 1, y1); y++)
            for (var x = Math.Max(0, x0); x <= Math.Min(map.Width - 1, x1); x++)
                if (map.Classes[y * map.Width + x] == (byte)Structure.Vertebra && ++n >= need) return true;
        return false;
    }

    /// <summary>Label of a vertebra-class point (x, y mm) given the named discs: the number of disc planes below it (1 = L5), sacrum below L5-S1.</summary>
    public static short VertebraLabelAt(IReadOnlyList<DiscInstance> discs, double x, double y)
    {
        var n = 0;
        foreach (var d in discs) if ((x - d.CentroidXMm) * d.NormalXMm + (y - d.CentroidYMm) * d.NormalYMm > 0) n++;
        return n == 0 ? SpineLabel.Sacrum : (short)Math.Min(n, 25);
    }

    /// <summary>Label of a disc-class point: the disc whose mid-plane is nearest, if within <paramref name="maxDistanceMm"/> of it
    /// (and 60 mm of its centroid); 0 otherwise.</summary>
    public static short DiscLabelAt(IReadOnlyList<DiscInstance> discs, double x, double y, double maxDistanceMm = 10)
    {
        short best = 0; var bestD = double.MaxValue;
        foreach (var d in discs)
        {
            double dx = x - d.CentroidXMm, dy = y - d.CentroidYMm;
            var dist = Math.Abs(dx * d.NormalXMm + dy * d.NormalYMm);
            if (dist < bestD && dist <= maxDistanceMm && dx * dx + dy * dy < 3600) { bestD = dist; best = d.Label; }
        }
        return best;
    }

    private static int CountAbove((double Cx, double Cy, double Nx, double Ny)[] planes, double x, double y)
    {
        var n = 0;
        foreach (var (cx, cy, nx, ny) in planes) if ((x - cx) * nx + (y - cy) * ny > 0) n++;
        return n;
    }

    /// <summary>Centroid and superior-pointing normal (unit) of a disc's mid-plane.</summary>
    private static (double Cx, double Cy, double Nx, double Ny) Plane(Component2D c)
    {
        var (ax, ay) = c.LongAxis;
        // A disc is wider (AP) than tall; if its long axis is nearer vertical the fragment is odd: fall back to horizontal.
        if (Math.Abs(ay) > Math.Abs(ax)) { ax = 1; ay = 0; }
        double nx = ay, ny = -ax; // perpendicular; choose the one pointing up (negative y)
        if (ny > 0) { nx = -nx; ny = -ny; }
        return (c.CentroidXMm, c.CentroidYMm, nx, ny);
    }

    /// <summary>x of the disc column at height y, linearly interpolated between disc centroids (chain bottom-up).</summary>
    private static double ColumnX(IReadOnlyList<Component2D> chain, double y)
    {
        var pts = chain.OrderBy(c => c.CentroidYMm).ToList();
        if (y <= pts[0].CentroidYMm) return pts[0].CentroidXMm;
        for (var i = 1; i < pts.Count; i++)
            if (y <= pts[i].CentroidYMm)
            {
                var t = (y - pts[i - 1].CentroidYMm) / Math.Max(1e-9, pts[i].CentroidYMm - pts[i - 1].CentroidYMm);
                return pts[i - 1].CentroidXMm + t * (pts[i].CentroidXMm - pts[i - 1].CentroidXMm);
            }
        return pts[^1].CentroidXMm;
    }

    /// <summary>Canal centre x (mm) as a function of y (mm): the mean column of the canal column's pixels in the nearest row within 20 mm
    /// that has canal; NaN when none.</summary>
    private static Func<double, double> CanalCentreByRow(ClassMap2D map, IReadOnlyList<Component2D> canal)
    {
        var sum = new double[map.Height]; var cnt = new int[map.Height];
        foreach (var c in canal)
            foreach (var p in c.Pixels) { sum[p / map.Width] += p % map.Width * map.ColumnSpacing; cnt[p / map.Width]++; }
        var rows = Enumerable.Range(0, map.Height).Where(y => cnt[y] > 0).ToArray();
        if (rows.Length == 0) return _ => double.NaN;
        return yMm =>
        {
            var y = (int)Math.Round(yMm / map.RowSpacing);
            var idx = Array.BinarySearch(rows, y);
            if (idx < 0) idx = ~idx;
            var best = -1; var bestD = double.MaxValue;
            foreach (var cand in new[] { idx - 1, idx })
                if (cand >= 0 && cand < rows.Length && Math.Abs(rows[cand] - y) < bestD) { best = rows[cand]; bestD = Math.Abs(rows[cand] - y); }
            return bestD * map.RowSpacing <= 20 ? sum[best] / cnt[best] : double.NaN;
        };
    }

    /// <summary>Joins disc fragments whose centroids are within <paramref name="mm"/> vertically and 40 mm horizontally.</summary>
    private static List<Component2D> MergeFragments(List<Component2D> discs, ClassMap2D map, double mm)
    {
        var result = new List<Component2D>();
        foreach (var d in discs)
        {
            var j = result.FindIndex(r => Math.Abs(r.CentroidYMm - d.CentroidYMm) < mm && Math.Abs(r.CentroidXMm - d.CentroidXMm) < 40);
            if (j < 0) { result.Add(d); continue; }
            result[j] = ConnectedComponents.Describe([.. result[j].Pixels, .. d.Pixels], map.Width, map.ColumnSpacing, map.RowSpacing);
        }
        return [.. result.OrderBy(r => r.CentroidYMm)];
    }

    /// <summary>The longest top-down chain of discs with plausible vertical gaps and limited horizontal shifts (ties: larger total area).</summary>
    private static List<Component2D> LongestColumn(List<Component2D> d, LevelAssignmentOptions o)
    {
        var n = d.Count;
        if (n == 0) return [];
        var len = new int[n]; var area = new double[n]; var prev = new int[n];
        for (var j = 0; j < n; j++)
        {
            len[j] = 1; area[j] = d[j].AreaMm2; prev[j] = -1;
            for (var i = 0; i < j; i++)
            {
                var dy = d[j].CentroidYMm - d[i].CentroidYMm; var dx = Math.Abs(d[j].CentroidXMm - d[i].CentroidXMm);
                var dist = Math.Sqrt(dx * dx + dy * dy);
                // Along the lordotic lumbar curve L5-S1 can sit up to ~60 degrees off vertical from L4-L5; side-by-side regions are not a column.
                if (dist < o.MinDiscGapMm || dist > o.MaxDiscGapMm || dy < 5 || dx > 2 * dy + 5) continue;
                if (len[i] + 1 > len[j] || len[i] + 1 == len[j] && area[i] + d[j].AreaMm2 > area[j])
                { len[j] = len[i] + 1; area[j] = area[i] + d[j].AreaMm2; prev[j] = i; }
            }
        }
        var end = 0;
        for (var j = 1; j < n; j++) if (len[j] > len[end] || len[j] == len[end] && area[j] > area[end]) end = j;
        var chain = new List<Component2D>();
        for (var j = end; j >= 0; j = prev[j]) chain.Add(d[j]);
        chain.Reverse();
        // An end disc much further from its neighbour than the rest are from theirs is not part of the column, nor is a lowest one well in
        // front of the disc above it (the column turns backwards along the sacrum; the pelvis lies in front).
        while (chain.Count > o.MinDiscs)
        {
            var gaps = Enumerable.Range(1, chain.Count - 1).Select(k => Distance(chain[k], chain[k - 1])).ToArray();
            var med = Median(gaps);
            if (gaps[^1] > 1.5 * med || chain[^1].CentroidXMm < chain[^2].CentroidXMm - o.MaxLowestDiscAnteriorShiftMm) chain.RemoveAt(chain.Count - 1);
            else if (gaps[0] > 1.5 * med) chain.RemoveAt(0);
            else break;
        }
        return chain;
    }

    private static double Distance(Component2D a, Component2D b) => Math.Sqrt(Math.Pow(a.CentroidXMm - b.CentroidXMm, 2) + Math.Pow(a.CentroidYMm - b.CentroidYMm, 2));

    /// <summary>Median of the values (mean of the middle two for an even count); NaN when empty.</summary>
    internal static double Median(double[] v)
    {
        if (v.Length == 0) return double.NaN;
        var s = v.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}
