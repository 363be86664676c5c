using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics;
using System.Text;

namespace StanceBoard.Benchmarks.OldEngine.Export;

/// <summary>
/// Writes an opaque image as PNG (RGB, or 8-bit grey when every pixel is grey) with its
/// resolution in a pHYs chunk (cairo's own PNG writer has none) and the title in iTXt.
/// Rows use the Up filter (charts repeat rows far more than they vary along one), computed
/// with SIMD, and zlib's fastest level: encoding stays a small part of the export's time.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes cairo ARGB32 data (native-endian B, G, R, A bytes; the image must be opaque).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> bgra, int width, int height, int stride, int dpi, string? title, bool grey)
    {
        var channels = grey ? 1 : 3;
        var rowLength = width * channels;
        using var output = new MemoryStream((width * height / 4) + 1024);
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = (byte)(grey ? 0 : 2); // colour type
        WriteChunk(output, "IHDR", header);

        Span<byte> phys = stackalloc byte[9];
        var perMetre = (int)Math.Round(dpi / 0.0254);
        BinaryPrimitives.WriteInt32BigEndian(phys, perMetre);
        BinaryPrimitives.WriteInt32BigEndian(phys[4..], perMetre);
        phys[8] = 1; // unit: metre
        WriteChunk(output, "pHYs", phys);

        WriteChunk(output, "tEXt", Encoding.Latin1.GetBytes("Software\0StanceBoard"));
        if (!string.IsNullOrWhiteSpace(title))
        {
            // iTXt: keyword, NUL, compression flag, method, language tag NUL, translated keyword NUL, UTF-8 text.
            WriteChunk(output, "iTXt", [.. Encoding.Latin1.GetBytes("Title\0\0\0\0\0"), .. Encoding.UTF8.GetBytes(title)]);
        }

        using (var idat = new MemoryStream((width * height / 8) + 1024))
        {
            using (var zlib = new ZLibStream(idat, CompressionLevel.Fastest, leaveOpen: true))
            {
                var previous = new byte[rowLength];
                var current = new byte[rowLength];
                var filtered = new byte[rowLength + 1];
                filtered[0] = 2; // Up
                for (var y = 0; y < height; y++)
                {
                    ConvertRow(bgra.Slice(y * stride, width * 4), current, grey);
                    FilterUp(current, previous, filtered.AsSpan(1));
                    zlib.Write(filtered);
                    (previous, current) = (current, previous);
                }
            }

            WriteChunk(output, "IDAT", idat.GetBuffer().AsSpan(0, (int)idat.Length));
        }

        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void ConvertRow(ReadOnlySpan<byte> bgra, Span<byte> row, bool grey)
    {
        var pixels = bgra.Length / 4;
        if (grey)
        {
            for (var x = 0; x < pixels; x++)
            {
                row[x] = bgra[(4 * x) + 1];
            }

            return;
        }

        for (var x = 0; x < pixels; x++)
        {
            row[3 * x] = bgra[(4 * x) + 2];
            row[(3 * x) + 1] = bgra[(4 * x) + 1];
            row[(3 * x) + 2] = bgra[4 * x];
        }
    }

    private static void FilterUp(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, Span<byte> output)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= row.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                (new Vector<byte>(row[i..]) - new Vector<byte>(previous[i..])).CopyTo(output[i..]);
            }
        }

        for (; i < row.Length; i++)
        {
            output[i] = (byte)(row[i] - previous[i]);
        }
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Compute(data, Crc32.Compute(typeBytes));
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
        output.Write(buffer);
    }
}
