using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests.Model;

public sealed class ModelFileFormatTests
{
    [Fact]
    public void Load_SavedModel_PredictsTheSameAndSavesTheSameBytes()
    {
        var bytes = TestModels.Synthetic.ToBytes();

        var loaded = StanceClassifier.FromBytes(bytes);

        loaded.ToBytes().ShouldBe(bytes);
        loaded.Version.ShouldBe(TestModels.Synthetic.Version);
        System.Text.Json.JsonSerializer.Serialize(loaded.Training).ShouldBe(System.Text.Json.JsonSerializer.Serialize(TestModels.Synthetic.Training));
        foreach (var example in SyntheticStanceData.Generate(30, seed: 4))
        {
            loaded.Predict(example.Text, example.Target).ShouldBeEquivalentTo(TestModels.Synthetic.Predict(example.Text, example.Target));
        }
    }

    [Fact]
    public void SaveFile_ThenLoadFile_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stance-{Guid.NewGuid():N}.model");
        try
        {
            TestModels.Synthetic.SaveFile(path);

            StanceClassifier.LoadFile(path).ToBytes().ShouldBe(TestModels.Synthetic.ToBytes());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(15)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Load_TruncatedFile_IsRefusedAsTruncated(int keep)
    {
        var bytes = TestModels.Synthetic.ToBytes();
        var cut = bytes[..(keep >= 0 ? keep : bytes.Length - 1)];

        var error = Should.Throw<ModelFormatException>(() => StanceClassifier.FromBytes(cut));

        error.Message.ShouldContain(keep is >= 0 and < 8 ? "Not a StanceBoard model" : "truncated");
    }

    [Fact]
    public void Load_ForeignFile_IsRefused()
    {
        var error = Should.Throw<ModelFormatException>(() => StanceClassifier.FromBytes("id,text,target,stance\n1,hello,Russia,none\n"u8.ToArray()));

        error.Message.ShouldContain("Not a StanceBoard model");
    }

    [Fact]
    public void Load_OneByteFlippedInThePayload_IsRefusedAsCorrupt()
    {
        var bytes = TestModels.Synthetic.ToBytes();
        bytes[bytes.Length / 2] ^= 0x40;

        var error = Should.Throw<ModelFormatException>(() => StanceClassifier.FromBytes(bytes));

        error.Message.ShouldContain("checksum");
    }

    [Fact]
    public void Load_NewerFormatVersion_IsRefusedWithBothVersions()
    {
        var bytes = TestModels.Synthetic.ToBytes();
        bytes[8] = 9;

        var error = Should.Throw<ModelFormatException>(() => StanceClassifier.FromBytes(bytes));

        error.Message.ShouldContain("format version 9");
    }

    [Fact]
    public void Load_BytesAfterTheChecksum_AreRefused()
    {
        var padded = TestModels.Synthetic.ToBytes().Concat(new byte[] { 1, 2, 3 }).ToArray();

        Should.Throw<ModelFormatException>(() => StanceClassifier.FromBytes(padded)).Message.ShouldContain("after its checksum");
    }
}
