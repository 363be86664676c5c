namespace StanceBoard.Analysis.Featurization;

/// <summary>How an n-gram's count in a text is weighted (ML.NET's <c>NgramExtractingEstimator.WeightingCriteria</c>).</summary>
public enum NgramWeighting
{
    /// <summary>Count × inverse document frequency.</summary>
    TfIdf = 0,

    /// <summary>Inverse document frequency when the n-gram occurs, whatever its count (presence × IDF).</summary>
    Idf = 1,

    /// <summary>The count alone.</summary>
    Tf = 2,
}
