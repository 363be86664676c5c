using System.Buffers.Binary;
using System.Text;

namespace StanceBoard.Dashboard.Tests.Charts;

/// <summary>Reads a PNG's size, colour type and pHYs resolution, checking every chunk's CRC.</summary>
internal sealed record PngInfo(int Width, int Height, int ColourType, int? Dpi, IReadOnlyList<string> Chunks)
{
    public static PngInfo Read(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        int width = 0, height = 0, colourType = -1;
        int? dpi = null;
        var chunks = new List<string>();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Crc(png.AsSpan(offset + 4, length + 4)).ShouldBe(crc, $"CRC of {type}");
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colourType = data[9];
                    break;
                case "pHYs":
                    data[8].ShouldBe((byte)1, "pHYs unit is the metre");
                    dpi = (int)Math.Round(BinaryPrimitives.ReadInt32BigEndian(data) * 0.0254);
                    break;
                default:
                    break;
            }

            offset += 12 + length;
        }

        chunks[0].ShouldBe("IHDR");
        chunks[^1].ShouldBe("IEND");
        return new PngInfo(width, height, colourType, dpi, chunks);
    }

    // An independent bitwise CRC-32, so the test does not reuse the product's table.
    private static uint Crc(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
