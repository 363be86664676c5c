namespace StanceBoard.Dashboard.Labelling.Agreement;

/// <summary>
/// Agreement on one target (or all, as "all"): units labelled by two or more annotators, the share
/// on which all agree, Cohen's kappa between each unit's first and second label (in time), and
/// Krippendorff's alpha (nominal) over every label.
/// </summary>
public sealed record TargetAgreement(
    string Target,
    int Units,
    double? ObservedAgreement,
    double? Kappa,
    int KappaUnits,
    double? Alpha,
    int PairableLabels,
    int Disagreements,
    int Adjudicated);
