namespace DiscScope.Training.DiscGrading;

/// <summary>
/// One disc's out-of-fold prediction as an evaluation JSON stores it (`evaluate grading`, `train grading-calibration`, `train
/// grading-fusion`): the reference class and the probabilities per head (<see cref="Analysis.DiscGrading.GradingTask.All"/> order), the
/// fold whose model never saw the patient, and the Pfirrmann class the fusion decided by its cutoffs where it did (else null: the
/// median rule of <see cref="Analysis.DiscGrading.GradingTask.Decide"/> applies).
/// </summary>
public sealed record OutOfFoldPrediction(string Patient, int IvdLabel, int Fold, bool HasT1, int[] Truth, double[][] Probabilities, int? PfirrmannDecided = null);
