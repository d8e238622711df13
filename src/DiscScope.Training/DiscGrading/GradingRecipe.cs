namespace DiscScope.Training.DiscGrading;

/// <summary>How the grading network is built and trained.</summary>
public enum GradingRecipe
{
    /// <summary>Each disc alone; Adam at a constant rate, early stopping on the validation patients' balanced accuracy (max 40 epochs).</summary>
    Classic,

    /// <summary>
    /// Each disc graded beside the same patient's other discs (<see cref="Architectures.ClassifierOptions.PatientContext"/>) with its level
    /// as an input; batches of whole patients; AdamW, warm-up then cosine decay, label smoothing; a fixed number of epochs (60), the last
    /// one kept (<see cref="PatientContextTraining"/>).
    /// </summary>
    Context,
}
