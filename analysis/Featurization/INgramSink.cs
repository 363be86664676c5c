namespace StanceBoard.Analysis.Featurization;

/// <summary>Receives the n-grams of a sentence as they are enumerated; implemented by structs so calls inline.</summary>
internal interface INgramSink
{
    void Word(uint hash, ReadOnlySpan<string> gram);

    void Char(uint hash, ReadOnlySpan<char> gram);

    void Near(uint hash, string token);
}
