namespace StanceBoard.Analysis.Training;

/// <summary>The ML.NET trainer of each model part (all give calibrated probabilities of the three stances).</summary>
public enum StanceClassifier
{
    /// <summary><c>LbfgsMaximumEntropy</c>: multinomial logistic regression, L2 = λ, L1 = 0.</summary>
    LbfgsMaximumEntropy = 0,

    /// <summary><c>SdcaMaximumEntropy</c> (one thread, so a seeded fit is reproducible), L2 = λ / (sum of the example weights): the same objective as L-BFGS's, ML.NET's SDCA averages the loss.</summary>
    SdcaMaximumEntropy = 1,

    /// <summary>One-versus-all <c>LinearSvm</c> with Platt calibration, λ = L2 / (sum of the example weights).</summary>
    LinearSvmOneVersusAll = 2,
}
