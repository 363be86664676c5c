namespace StanceBoard.Ingestion.Pipeline;

/// <summary>What happened to one item.</summary>
public enum IngestionItemStatus
{
    /// <summary>A new piece: store and score it.</summary>
    New = 0,

    /// <summary>Its URL is already stored; it was not fetched again.</summary>
    KnownUrl,

    /// <summary>Its text is identical to a stored piece (same content hash under another URL).</summary>
    Duplicate,

    /// <summary>A near-duplicate of a stored piece (a syndicated copy): link it, do not score it twice.</summary>
    NearDuplicate,

    /// <summary>It could not be fetched or had no article text; see the error.</summary>
    Failed,
}
