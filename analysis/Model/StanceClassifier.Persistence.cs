namespace StanceBoard.Analysis.Model;

/// <summary>Saving and loading the model as one versioned, checksummed file.</summary>
public sealed partial class StanceClassifier
{
    /// <summary>Writes the model to <paramref name="stream"/> (see the file format on <see cref="Load(Stream)"/>).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are little-endian.");
        }

        ModelFileFormat.Write(this, stream);
    }

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

    /// <summary>
    /// Reads a model file: the signature <c>SBSTANCE</c>, a format version, the payload length,
    /// the payload and its SHA-256. A file that is foreign, of another format version, truncated
    /// or corrupt is refused with a <see cref="ModelFormatException"/> that says which.
    /// </summary>
    /// <exception cref="ModelFormatException">The file is not a usable model.</exception>
    public static StanceClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are little-endian.");
        }

        return ModelFileFormat.Read(stream);
    }

    /// <summary>Reads the model file at <paramref name="path"/>.</summary>
    /// <exception cref="ModelFormatException">The file is not a usable model.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static StanceClassifier LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Reads a model from the bytes of a model file.</summary>
    /// <exception cref="ModelFormatException">The bytes are not a usable model.</exception>
    public static StanceClassifier FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream);
    }
}
