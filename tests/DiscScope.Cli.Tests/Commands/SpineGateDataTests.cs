using DiscScope.Cli.Commands;
using DiscScope.TestSupport;

namespace DiscScope.Cli.Tests.Commands;

/// <summary>The spine gate's images from the shared data: the licence guard (AASCE and FMRP are research use only, vesal's origin is
/// unknown: never trainable, models/README.md) and the classes and groups of each source.</summary>
public class SpineGateDataTests
{
    [DataFact]
    public void Research_only_sources_are_never_trainable_and_classes_and_groups_are_as_documented()
    {
        var images = SpineGateData.Load(SharedData.Folder!, _ => { });
        string[] external = ["aasce", "fmrp", "fmrp-axial-coronal", "vesal"];
        string[] spine = ["spider-midsag", "spider-space", "sct-lumbar", "phantom", "fmrp", "vesal"];
        string[] trainable = ["spider-midsag", "spider-space", "sct-lumbar", "phantom", "sct-axial-coronal", "ct", "ct-radiograph", "mr-axial", "dicom", "synthetic"];
        Assert.Equal(external.Concat(trainable).OrderBy(x => x), images.Select(x => x.Source).Distinct().OrderBy(x => x));
        Assert.All(images.Where(x => external.Contains(x.Source)), x => Assert.False(x.Trainable, x.Name));
        Assert.All(images.Where(x => trainable.Contains(x.Source)), x => Assert.True(x.Trainable, x.Name));
        Assert.Equal(481, images.Count(x => x.Source == "aasce"));
        Assert.All(images, x => Assert.Equal(spine.Contains(x.Source), x.IsSpineMr));
        // The radiographs and patterns have no spacing (a user may claim any); every other image states one.
        Assert.All(images, x => Assert.Equal(x.Source is not ("aasce" or "ct-radiograph" or "synthetic"), x.SpacingKnown));
        // A SPIDER patient's midsag and space slices share one group, so cross-validation never splits a patient.
        var midsagGroups = images.Where(x => x.Source == "spider-midsag").Select(x => x.Group).ToHashSet();
        Assert.All(images.Where(x => x.Source == "spider-space"), x => Assert.Contains(x.Group, midsagGroups));
        Assert.All(images, x => Assert.Equal((long)x.Width * x.Height, x.Pixels.LongLength));
        Assert.All(images, x => Assert.True(Math.Max(x.Width, x.Height) <= 2000, $"{x.Name}: {x.Width}x{x.Height}"));
    }
}
