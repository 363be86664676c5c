using System.Buffers.Binary;

namespace StanceBoard.Dashboard.Tests.Charts.Text;

/// <summary>Reads advance widths per character from a TrueType file (cmap format 4 + hmtx).</summary>
internal sealed class TrueTypeWidths
{
    private readonly Dictionary<int, int> _glyphByChar = [];
    private readonly ushort[] _advances;

    public TrueTypeWidths(byte[] font)
    {
        var tables = ReadTableDirectory(font);
        UnitsPerEm = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["head"] + 18));
        var hhea = tables["hhea"];
        Ascender = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 4));
        Descender = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(hhea + 6));
        var metrics = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hhea + 34));
        var glyphs = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(tables["maxp"] + 4));
        _advances = new ushort[glyphs];
        var hmtx = tables["hmtx"];
        for (var g = 0; g < glyphs; g++)
        {
            _advances[g] = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(hmtx + (4 * Math.Min(g, metrics - 1))));
        }

        ReadCmapFormat4(font, tables["cmap"]);
    }

    public int UnitsPerEm { get; }

    public int Ascender { get; }

    public int Descender { get; }

    /// <summary>The advance width in font units, or -1 when the font has no glyph for the character.</summary>
    public int Advance(int codePoint) => _glyphByChar.TryGetValue(codePoint, out var glyph) && glyph != 0 ? _advances[glyph] : -1;

    private static Dictionary<string, int> ReadTableDirectory(byte[] font)
    {
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(font, record, 4);
            tables[tag] = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
        }

        return tables;
    }

    private void ReadCmapFormat4(byte[] font, int cmap)
    {
        var subtables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        for (var i = 0; i < subtables; i++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 4 + (8 * i)));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 6 + (8 * i)));
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(cmap + 8 + (8 * i)));
            if (platform == 3 && encoding == 1 && BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset)) == 4)
            {
                ReadFormat4(font, offset);
                return;
            }
        }

        throw new InvalidDataException("The font has no Unicode BMP (3,1) cmap in format 4.");
    }

    private void ReadFormat4(byte[] font, int table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table + 6)) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(ends + (2 * s)));
            int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(starts + (2 * s)));
            int delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(deltas + (2 * s)));
            var rangeOffsetAt = rangeOffsets + (2 * s);
            int rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rangeOffsetAt));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsetAt + rangeOffset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                _glyphByChar[c] = glyph;
            }
        }
    }
}
