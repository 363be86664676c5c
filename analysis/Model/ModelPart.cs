using Microsoft.ML;
using Microsoft.ML.Data;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// One fitted ML.NET chain (n-gram featurizer → concatenation → maximum-entropy classifier),
/// for one target or shared by all. The featurizer is shared by every part of a model (fitted
/// once on all training rows; files of format 1 hold a whole chain per part instead). Scoring goes
/// through <c>Transform</c> on a batch, which is safe to call from many threads (a
/// <c>PredictionEngine</c> is not).
/// </summary>
internal sealed class ModelPart
{
    private const string ScoreColumn = "Score";
    private readonly SchemaDefinition _schema;

    /// <summary>A part whose featurizer is shared with the model's other parts.</summary>
    public ModelPart(MLContext context, ITransformer featurizer, ITransformer classifier, int denseDimension)
        : this(context, featurizer, classifier, new TransformerChain<ITransformer>(featurizer, classifier), denseDimension)
    {
    }

    /// <summary>A part that is one whole chain (a model file of format 1).</summary>
    public ModelPart(MLContext context, ITransformer chain, int denseDimension)
        : this(context, null, chain, chain, denseDimension)
    {
    }

    private ModelPart(MLContext context, ITransformer? featurizer, ITransformer classifier, ITransformer transformer, int denseDimension)
    {
        Context = context;
        Featurizer = featurizer;
        Classifier = classifier;
        Transformer = transformer;
        DenseDimension = denseDimension;
        _schema = Schema(denseDimension);
    }

    public MLContext Context { get; }

    /// <summary>The shared featurizer, or <see langword="null"/> when <see cref="Classifier"/> is a whole chain.</summary>
    public ITransformer? Featurizer { get; }

    /// <summary>The part's own transformer: the classifier (after <see cref="Featurizer"/>), or the whole chain.</summary>
    public ITransformer Classifier { get; }

    /// <summary>Text row → scores.</summary>
    public ITransformer Transformer { get; }

    /// <summary>The length of the dense column (1 for a model without dense features: one zero).</summary>
    public int DenseDimension { get; }

    /// <summary>The input schema: the dense column's length is the model's, not known at compile time.</summary>
    public static SchemaDefinition Schema(int denseDimension)
    {
        var schema = SchemaDefinition.Create(typeof(ModelInput));
        schema[ModelInput.DenseColumn].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, denseDimension));
        return schema;
    }

    /// <summary>The class probabilities of each row, indexed by <see cref="Stance"/> (none, favor, against).</summary>
    public float[][] Score(IReadOnlyList<ModelInput> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var data = Context.Data.LoadFromEnumerable(rows, _schema);
        return ReadScores(Transformer.Transform(data), rows.Count);
    }

    /// <summary>The <c>Score</c> column of <paramref name="scored"/>, three probabilities a row.</summary>
    public static float[][] ReadScores(IDataView scored, int count)
    {
        var result = new float[count][];
        var column = scored.Schema[ScoreColumn];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        var i = 0;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            var p = new float[3];
            buffer.CopyTo(p);
            result[i++] = p;
        }

        return result;
    }
}
