using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using StanceBoard.Analysis.Embeddings;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// The model file: a zip holding <c>stanceboard-model.json</c> (<see cref="StanceModelInfo"/>)
/// and ML.NET model zips as <c>mlContext.Model.Save</c> writes them: <c>featurizer.zip</c> (the
/// n-gram featurizer every part reads, format 2) and one per part (<c>part-0.zip</c> the shared
/// model, <c>part-{i+1}.zip</c> the model of <see cref="StanceModelInfo.TrainedTargets"/>[i]):
/// its classifier in format 2, its whole chain in format 1.
/// </summary>
public sealed partial class StanceModel
{
    private const string InfoEntry = "stanceboard-model.json";
    private const string FeaturizerEntry = "featurizer.zip";
    private const long MaxEntryBytes = 1L << 30;
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Writes the model file to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var parts = new[] { Shared }.Concat(Info.TrainedTargets.Select(t => _parts[t])).ToArray();
        var featurizer = Shared.Featurizer;
        var shared = featurizer is not null && parts.All(p => ReferenceEquals(p.Featurizer, featurizer));
        var inputSchema = Shared.Context.Data.LoadFromEnumerable(Array.Empty<ModelInput>(), ModelPart.Schema(Shared.DenseDimension)).Schema;
        byte[]? featurizerFile = null;
        if (shared)
        {
            using var file = new MemoryStream();
            Shared.Context.Model.Save(featurizer!, inputSchema, file);
            featurizerFile = file.ToArray();
        }

        var featuresSchema = shared ? featurizer!.GetOutputSchema(inputSchema) : inputSchema;
        var files = parts.Select(part =>
        {
            using var file = new MemoryStream();
            part.Context.Model.Save(shared ? part.Classifier : part.Transformer, featuresSchema, file);
            return file.ToArray();
        }).ToArray();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        using (var info = zip.CreateEntry(InfoEntry, CompressionLevel.Optimal).Open())
        {
            JsonSerializer.Serialize(info, Info with
            {
                Format = shared ? StanceModelInfo.CurrentFormat : 1,
                FeaturizerHash = featurizerFile is null ? null : Hash(featurizerFile),
                PartHashes = files.Select(f => Hash(f)).ToArray(),
            }, JsonOptions);
        }

        if (featurizerFile is not null)
        {
            using var entry = zip.CreateEntry(FeaturizerEntry, CompressionLevel.NoCompression).Open();
            entry.Write(featurizerFile);
        }

        for (var i = 0; i < files.Length; i++)
        {
            using var entry = zip.CreateEntry($"part-{i}.zip", CompressionLevel.NoCompression).Open();
            entry.Write(files[i]);
        }
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes the model to <paramref name="path"/>, through a temporary file so a crash never leaves half a model.</summary>
    public void SaveFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp-" + Environment.ProcessId;
        using (var stream = File.Create(temporary))
        {
            Save(stream);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>The model as the bytes of a model file.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        Save(stream);
        return stream.ToArray();
    }

    /// <summary>Reads the model file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelFormatException">The file is not a usable model; the message says why.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static StanceModel LoadFile(string path, Func<ISentenceEmbedder>? embedder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream, embedder);
    }

    /// <summary>Reads a model from the bytes of a model file.</summary>
    /// <exception cref="ModelFormatException">The bytes are not a usable model; the message says why.</exception>
    public static StanceModel FromBytes(byte[] bytes, Func<ISentenceEmbedder>? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream, embedder);
    }

    /// <summary>
    /// Reads a model file. A file of the engine before ML.NET (<c>SBSTANCE</c>), a file that is not
    /// a zip, a zip without our metadata (another application's), a newer format, a truncated
    /// or corrupt file are refused with a <see cref="ModelFormatException"/> that says which.
    /// </summary>
    /// <param name="stream">The file's bytes.</param>
    /// <param name="embedder">The sentence embedder an embedding model uses; <see langword="null"/>: the process's shared MiniLM.</param>
    /// <exception cref="ModelFormatException">The file is not a usable model.</exception>
    public static StanceModel Load(Stream stream, Func<ISentenceEmbedder>? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        CheckSignature(bytes);
        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            var infoEntry = zip.GetEntry(InfoEntry)
                ?? throw new ModelFormatException($"Not a StanceBoard model file: the zip has no {InfoEntry} (an ML.NET model saved by another application, or another zip).");
            var info = ReadInfo(infoEntry);
            var dense = DenseFeatures.Dimension(info.EmbeddingDimension, info.EmbeddingInteractions);
            var context = new MLContext(info.Seed);
            if (info.PartHashes.Count != info.TrainedTargets.Count + 1)
            {
                throw new ModelFormatException($"The model file is corrupt: {InfoEntry} lists {info.PartHashes.Count} part checksum(s) for {info.TrainedTargets.Count + 1} part(s).");
            }

            ITransformer? featurizer = null;
            if (info.Format >= 2)
            {
                featurizer = ReadTransformer(zip, FeaturizerEntry, info.FeaturizerHash
                    ?? throw new ModelFormatException($"The model file is corrupt: {InfoEntry} has no featurizer checksum."), context);
            }

            var shared = ReadPart(zip, 0, info.PartHashes[0], context, featurizer, dense);
            var parts = new Dictionary<string, ModelPart>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < info.TrainedTargets.Count; i++)
            {
                parts[info.TrainedTargets[i]] = ReadPart(zip, i + 1, info.PartHashes[i + 1], context, featurizer, dense);
            }

            return new StanceModel(info, shared, parts, embedder);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelFormatException($"The model file is truncated or corrupt: {ex.Message}", ex);
        }
        catch (EndOfStreamException ex)
        {
            throw new ModelFormatException($"The model file is truncated: {ex.Message}", ex);
        }
    }

    /// <summary>Why <paramref name="bytes"/> cannot be loaded as a model, or <see langword="null"/> when they can.</summary>
    public static string? Probe(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            FromBytes(bytes);
            return null;
        }
        catch (ModelFormatException ex)
        {
            return ex.Message;
        }
    }

    private static void CheckSignature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("SBSTANCE"u8))
        {
            throw new ModelFormatException("This model file was written by StanceBoard's engine before ML.NET (SBSTANCE format), which this build cannot load; retrain it with 'train'.");
        }

        if (bytes.Length < 4 || !bytes.StartsWith("PK\u0003\u0004"u8))
        {
            throw new ModelFormatException(bytes.Length == 0
                ? "Not a StanceBoard model file: the file is empty."
                : "Not a StanceBoard model file: it is not a zip archive (StanceBoard's ML.NET model files are zips).");
        }
    }

    private static StanceModelInfo ReadInfo(ZipArchiveEntry entry)
    {
        if (entry.Length > 16 << 20)
        {
            throw new ModelFormatException($"The model file is corrupt: {InfoEntry} is {entry.Length:N0} bytes.");
        }

        StanceModelInfo? info;
        try
        {
            using var json = entry.Open();
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty(nameof(StanceModelInfo.Format), out var format)
                && format.TryGetInt32(out var number) && number > StanceModelInfo.CurrentFormat)
            {
                throw new ModelFormatException($"The model file has format {number}; this build reads format {StanceModelInfo.CurrentFormat} or older. Use a newer StanceBoard, or retrain the model.");
            }

            info = document.Deserialize<StanceModelInfo>(JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"The model file is corrupt: {InfoEntry} is not valid JSON ({ex.Message}).", ex);
        }

        if (info is null || string.IsNullOrWhiteSpace(info.Version) || info.TrainedTargets is null || info.KnownTargets is null
            || info.EmbeddingDimension is < 0 or > 4096 || info.TrainedTargets.Count > 100_000)
        {
            throw new ModelFormatException($"The model file is corrupt: {InfoEntry} lacks required values.");
        }

        return info;
    }

    private static ModelPart ReadPart(ZipArchive zip, int index, string hash, MLContext context, ITransformer? featurizer, int dense)
    {
        var transformer = ReadTransformer(zip, $"part-{index}.zip", hash, context);
        return featurizer is null ? new ModelPart(context, transformer, dense) : new ModelPart(context, featurizer, transformer, dense);
    }

    private static ITransformer ReadTransformer(ZipArchive zip, string name, string hash, MLContext context)
    {
        var entry = zip.GetEntry(name)
            ?? throw new ModelFormatException($"The model file is corrupt: {name} is missing.");
        if (entry.Length > MaxEntryBytes)
        {
            throw new ModelFormatException($"The model file is corrupt: {name} declares {entry.Length:N0} bytes.");
        }

        using var part = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(part);
        }

        if (!string.Equals(Hash(part.GetBuffer().AsSpan(0, (int)part.Length)), hash, StringComparison.Ordinal))
        {
            throw new ModelFormatException($"The model file is corrupt: {name} does not match its checksum.");
        }

        part.Position = 0;
        try
        {
            return context.Model.Load(part, out _);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or ArgumentException or IOException or NotSupportedException or KeyNotFoundException)
        {
            throw new ModelFormatException($"The model file is corrupt: ML.NET could not load {name} ({ex.Message}).", ex);
        }
    }
}
