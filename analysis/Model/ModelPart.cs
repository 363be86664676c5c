using Microsoft.ML;
using Microsoft.ML.Data;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// One fitted ML.NET chain (n-gram featurizer → concatenation → maximum-entropy classifier),
/// for one target or shared by all. Scoring goes through <c>Transform</c> on a batch, which is
/// safe to call from many threads (a <c>PredictionEngine</c> is not).
/// </summary>
internal sealed class ModelPart
{
    private const string ScoreColumn = "Score";
    private readonly SchemaDefinition _schema;

    public ModelPart(MLContext context, ITransformer transformer, int denseDimension)
    {
        Context = context;
        Transformer = transformer;
        DenseDimension = denseDimension;
        _schema = Schema(denseDimension);
    }

    public MLContext Context { get; }

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
        var result = new float[rows.Count][];
        if (rows.Count == 0)
        {
            return result;
        }

        var data = Context.Data.LoadFromEnumerable(rows, _schema);
        var scored = Transformer.Transform(data);
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
