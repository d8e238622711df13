namespace DiscScope.Training.DiscGrading;

/// <summary>
/// A way to split the graded discs into subgroups (e.g. scanner vendor): its name, what it is, the group of each disc (null: the disc's
/// group is unknown and it is left out of this attribute), and the order in which the groups are reported (groups not listed follow in
/// ordinal order).
/// </summary>
public sealed record SubgroupAttribute(string Name, string Description, Func<OutOfFoldPrediction, string?> GroupOf, IReadOnlyList<string> Order);
