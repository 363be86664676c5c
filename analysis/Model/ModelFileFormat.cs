using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StanceBoard.Analysis.Featurization;
using StanceBoard.Analysis.Targets;
using StanceBoard.Analysis.Training;

namespace StanceBoard.Analysis.Model;

/// <summary>
/// The model file: the 8 ASCII bytes <c>SBSTANCE</c>, the format version (uint16), two
/// reserved bytes, the payload length (int64), the payload, and the SHA-256 of the payload.
/// All numbers little-endian. A file that is not exactly that is refused with a
/// <see cref="ModelFormatException"/> saying why; nothing is read from a payload whose
/// checksum does not match.
/// </summary>
internal static class ModelFileFormat
{
    public const ushort FormatVersion = 1;
    public const long MaxPayloadBytes = 1L << 30;
    private const int HeaderBytes = 8 + 2 + 2 + 8;
    private static readonly byte[] Magic = "SBSTANCE"u8.ToArray();

    public static void Write(StanceClassifier model, Stream stream)
    {
        using var payloadStream = new MemoryStream();
        using (var writer = new BinaryWriter(payloadStream, Encoding.UTF8, leaveOpen: true))
        {
            WritePayload(model, writer);
        }

        var payload = payloadStream.GetBuffer().AsSpan(0, (int)payloadStream.Length);
        Span<byte> header = stackalloc byte[HeaderBytes];
        Magic.CopyTo(header);
        BitConverter.TryWriteBytes(header[8..], FormatVersion);
        BitConverter.TryWriteBytes(header[12..], (long)payload.Length);
        stream.Write(header);
        stream.Write(payload);
        stream.Write(SHA256.HashData(payload));
    }

    public static StanceClassifier Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        var got = ReadFully(stream, header);
        if (got < Magic.Length || !header[..Magic.Length].SequenceEqual(Magic))
        {
            throw new ModelFormatException("Not a StanceBoard model file: the file does not start with the SBSTANCE signature.");
        }

        if (got < HeaderBytes)
        {
            throw new ModelFormatException("The model file is truncated: its header is incomplete.");
        }

        var version = BitConverter.ToUInt16(header[8..]);
        if (version != FormatVersion)
        {
            throw new ModelFormatException($"The model file has format version {version}; this build reads version {FormatVersion}. Retrain the model or use a matching build.");
        }

        var length = BitConverter.ToInt64(header[12..]);
        if (length is <= 0 or > MaxPayloadBytes)
        {
            throw new ModelFormatException($"The model file is corrupt: it declares a payload of {length:N0} bytes.");
        }

        var payload = new byte[length];
        if (ReadFully(stream, payload) != length)
        {
            throw new ModelFormatException("The model file is truncated: the payload is shorter than its header says.");
        }

        var checksum = new byte[32];
        if (ReadFully(stream, checksum) != checksum.Length)
        {
            throw new ModelFormatException("The model file is truncated: its checksum is missing.");
        }

        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(checksum))
        {
            throw new ModelFormatException("The model file is corrupt: its checksum does not match its contents.");
        }

        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) != 0)
        {
            throw new ModelFormatException("The model file is corrupt: there are bytes after its checksum.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            var model = ReadPayload(reader);
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new ModelFormatException("The model file is corrupt: there are bytes after the model.");
            }

            return model;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or JsonException or OverflowException or DecoderFallbackException)
        {
            throw new ModelFormatException($"The model file is corrupt: {ex.Message}", ex);
        }
    }

    private static void WritePayload(StanceClassifier model, BinaryWriter writer)
    {
        writer.Write(model.Version);
        var o = model.FeaturizerOptions;
        writer.Write(o.HashBits);
        writer.Write(o.MinWordNgram);
        writer.Write(o.MaxWordNgram);
        writer.Write(o.MinCharNgram);
        writer.Write(o.MaxCharNgram);
        writer.Write(o.MinDocumentFrequency);
        writer.Write(o.MaxFeatures);
        writer.Write(o.SublinearTf);
        writer.Write(o.MaskTargets);
        writer.Write(o.ContextNeighbours);
        writer.Write(o.ContextWeight);
        writer.Write(o.NearWindow);
        writer.Write(o.TargetCopyWeight);
        writer.Write(o.CharNgramsWithinWords);
        writer.Write(model.KnownTargets.Count);
        foreach (var target in model.KnownTargets)
        {
            writer.Write(target.Name);
            writer.Write(target.Aliases.Count);
            foreach (var alias in target.Aliases)
            {
                writer.Write(alias);
            }
        }

        writer.Write(model.TrainedTargets.Count);
        foreach (var name in model.TrainedTargets)
        {
            writer.Write(name);
        }

        WriteArray(writer, model.Vocabulary.Buckets);
        WriteArray(writer, model.Vocabulary.Idf);
        WriteArray(writer, model.Weights);
        WriteArray(writer, model.Biases);
        for (var c = 0; c < 3; c++)
        {
            writer.Write(model.Calibrator.Scale[c]);
            writer.Write(model.Calibrator.Offset[c]);
        }

        writer.Write(JsonSerializer.Serialize(model.Training));
    }

    private static StanceClassifier ReadPayload(BinaryReader reader)
    {
        var version = reader.ReadString();
        var options = new FeaturizerOptions
        {
            HashBits = reader.ReadInt32(),
            MinWordNgram = reader.ReadInt32(),
            MaxWordNgram = reader.ReadInt32(),
            MinCharNgram = reader.ReadInt32(),
            MaxCharNgram = reader.ReadInt32(),
            MinDocumentFrequency = reader.ReadInt32(),
            MaxFeatures = reader.ReadInt32(),
            SublinearTf = reader.ReadBoolean(),
            MaskTargets = reader.ReadBoolean(),
            ContextNeighbours = reader.ReadInt32(),
            ContextWeight = reader.ReadDouble(),
            NearWindow = reader.ReadInt32(),
            TargetCopyWeight = reader.ReadDouble(),
            CharNgramsWithinWords = reader.ReadBoolean(),
        };
        options.Validate();
        var knownCount = Count(reader, 100_000);
        var known = new List<TargetDefinition>(knownCount);
        for (var i = 0; i < knownCount; i++)
        {
            var name = reader.ReadString();
            var aliases = new string[Count(reader, 100_000)];
            for (var k = 0; k < aliases.Length; k++)
            {
                aliases[k] = reader.ReadString();
            }

            known.Add(new TargetDefinition(name, aliases));
        }

        var trained = new string[Count(reader, 100_000)];
        for (var i = 0; i < trained.Length; i++)
        {
            trained[i] = reader.ReadString();
        }

        var buckets = ReadArray<int>(reader);
        var idf = ReadArray<float>(reader);
        var weights = ReadArray<float>(reader);
        var biases = ReadArray<float>(reader);
        var copies = 1 + trained.Length;
        Check(idf.Length == buckets.Length, "the vocabulary and its IDF differ in length");
        Check((long)weights.Length == (long)copies * buckets.Length * 3, "the weights do not match the vocabulary and targets");
        Check(biases.Length == copies * 3, "the biases do not match the targets");
        for (var i = 0; i < buckets.Length; i++)
        {
            Check(buckets[i] >= 0 && buckets[i] < (1 << options.HashBits) && (i == 0 || buckets[i] > buckets[i - 1]), "the vocabulary is not a sorted set of hash buckets");
        }

        Check(Array.TrueForAll(weights, float.IsFinite) && Array.TrueForAll(biases, float.IsFinite) && Array.TrueForAll(idf, float.IsFinite), "a weight is not a finite number");
        var scale = new double[3];
        var offset = new double[3];
        for (var c = 0; c < 3; c++)
        {
            scale[c] = reader.ReadDouble();
            offset[c] = reader.ReadDouble();
        }

        Check(scale.All(double.IsFinite) && offset.All(double.IsFinite), "the calibration is not finite");
        var summary = JsonSerializer.Deserialize<TrainingSummary>(reader.ReadString())
            ?? throw new ModelFormatException("The model file is corrupt: the training summary is missing.");
        return StanceClassifier.FromParts(version, options, known, trained, new Vocabulary(buckets, idf, options.HashBits), weights, biases, new ProbabilityCalibrator(scale, offset), summary);
    }

    private static int Count(BinaryReader reader, int max)
    {
        var count = reader.ReadInt32();
        Check(count >= 0 && count <= max, $"a count of {count} is out of range");
        return count;
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new ModelFormatException($"The model file is corrupt: {what}.");
        }
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        var size = Marshal.SizeOf<T>();
        var remaining = reader.BaseStream.Length - reader.BaseStream.Position;
        Check(length >= 0 && (long)length * size <= remaining, $"an array of {length} items runs past the end");
        var values = new T[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        Check(reader.Read(bytes) == bytes.Length, "an array is cut short");
        return values;
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
