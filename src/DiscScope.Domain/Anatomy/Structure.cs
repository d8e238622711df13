namespace DiscScope.Domain.Anatomy;

/// <summary>The structure classes the segmentation separates. Values are the class indices of the segmentation network.</summary>
public enum Structure { Background = 0, Vertebra = 1, Disc = 2, Canal = 3 }
