using System.IO.Compression;
using System.Text;
using StanceBoard.Analysis.Model;

namespace StanceBoard.Analysis.Tests.Model;

public sealed class ModelFileTests
{
    [Fact]
    public void SaveThenLoad_PredictsIdentically_AndKeepsItsMetadata()
    {
        var model = TestModels.Default;

        var loaded = StanceModel.FromBytes(model.ToBytes());

        loaded.Version.ShouldBe(model.Version);
        (loaded.Info.DataHash, loaded.Info.L2, loaded.Info.Features, loaded.Info.MaxSentences, loaded.Info.Examples)
            .ShouldBe((model.Info.DataHash, model.Info.L2, model.Info.Features, model.Info.MaxSentences, model.Info.Examples));
        loaded.KnownTargets.Select(t => t.Name).ShouldBe(model.KnownTargets.Select(t => t.Name));
        loaded.KnownTargets.Sum(t => t.Aliases.Count).ShouldBe(model.KnownTargets.Sum(t => t.Aliases.Count));
        loaded.TrainedTargets.ShouldBe(["Azerbaijan", "Russia", "Turkey"]);
        foreach (var text in new[] { "Ankara's reckless cheerleading made the war longer.", "The Kremlin's mediators did a disciplined job." })
        {
            foreach (var target in new[] { "Russia", "Turkey", "Armenia" })
            {
                var a = model.Predict(text, target);
                var b = loaded.Predict(text, target);
                b.PFavor.ShouldBe(a.PFavor, 1e-6);
                b.PAgainst.ShouldBe(a.PAgainst, 1e-6);
                b.Evidence.ShouldBe(a.Evidence);
            }
        }
    }

    [Fact]
    public void SaveFile_WritesAZipWithOurMetadataTheFeaturizerOnceAndOneClassifierPerPart()
    {
        using var zip = new ZipArchive(new MemoryStream(TestModels.Default.ToBytes()));

        zip.Entries.Select(e => e.FullName).Order().ShouldBe(["featurizer.zip", "part-0.zip", "part-1.zip", "part-2.zip", "part-3.zip", "stanceboard-model.json"]);
    }

    [Fact]
    public void Load_FileOfFormat2_EveryPartReadsTheOneFeaturizer()
    {
        var loaded = StanceModel.FromBytes(TestModels.Default.ToBytes());

        loaded.Shared.Featurizer.ShouldNotBeNull();
        loaded.Parts.Values.ShouldAllBe(p => ReferenceEquals(p.Featurizer, loaded.Shared.Featurizer));
    }

    [Fact]
    public void Load_FileOfFormat1_WholeChainPerPart_StillLoadsAndPredictsIdentically()
    {
        var model = TestModels.Default;
        static ModelPart Whole(ModelPart p) => new(p.Context, p.Transformer, p.DenseDimension);
        var format1 = new StanceModel(model.Info, Whole(model.Shared), model.Parts.ToDictionary(p => p.Key, p => Whole(p.Value)), null);
        var bytes = format1.ToBytes();
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            zip.GetEntry("featurizer.zip").ShouldBeNull();
        }

        var loaded = StanceModel.FromBytes(bytes);

        loaded.Shared.Featurizer.ShouldBeNull();
        var a = model.Predict("Ankara's reckless cheerleading made the war longer.", "Turkey");
        var b = loaded.Predict("Ankara's reckless cheerleading made the war longer.", "Turkey");
        b.PAgainst.ShouldBe(a.PAgainst, 1e-6);
        b.PFavor.ShouldBe(a.PFavor, 1e-6);
    }

    [Fact]
    public void Load_DamagedFeaturizer_SaysSo()
    {
        var bytes = Rewrite(TestModels.Default.ToBytes(), "featurizer.zip", _ => "garbage");

        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(bytes));

        ex.Message.ShouldContain("featurizer.zip does not match its checksum");
    }

    [Fact]
    public void Load_NotAZip_SaysSo()
    {
        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(Encoding.UTF8.GetBytes("not a model")));

        ex.Message.ShouldContain("not a zip archive");
    }

    [Fact]
    public void Load_EmptyFile_SaysSo()
    {
        Should.Throw<ModelFormatException>(() => StanceModel.FromBytes([])).Message.ShouldContain("empty");
    }

    [Fact]
    public void Load_ModelOfTheEngineBeforeMlNet_SaysToRetrain()
    {
        var old = Encoding.ASCII.GetBytes("SBSTANCE").Concat(new byte[64]).ToArray();

        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(old));

        ex.Message.ShouldContain("before ML.NET");
        ex.Message.ShouldContain("retrain");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Load_TruncatedFile_IsRefusedAsTruncatedOrCorrupt(double keep)
    {
        var bytes = TestModels.Default.ToBytes();

        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(bytes[..(int)(bytes.Length * keep)]));

        ex.Message.ShouldContain("truncated");
    }

    [Fact]
    public void Load_AnotherApplicationsZip_SaysItIsNotAStanceBoardModel()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("TransformerChain/Model.key").Open());
            writer.Write("someone else's model");
        }

        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(stream.ToArray()));

        ex.Message.ShouldContain("another application");
    }

    [Fact]
    public void Load_NewerFormat_SaysWhichFormatThisBuildReads()
    {
        var bytes = Rewrite(TestModels.Default.ToBytes(), "stanceboard-model.json", json => json.Replace($"\"Format\": {StanceModelInfo.CurrentFormat}", "\"Format\": 7", StringComparison.Ordinal));

        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(bytes));

        ex.Message.ShouldContain("format 7");
        ex.Message.ShouldContain($"format {StanceModelInfo.CurrentFormat} or older");
    }

    [Fact]
    public void Load_DamagedMlNetPart_SaysWhichPart()
    {
        var bytes = Rewrite(TestModels.Default.ToBytes(), "part-2.zip", _ => "garbage");

        var ex = Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(bytes));

        ex.Message.ShouldContain("part-2.zip does not match its checksum");
    }

    [Fact]
    public void Load_OneByteFlipped_IsRefused()
    {
        var bytes = TestModels.Default.ToBytes();
        bytes[bytes.Length / 2] ^= 0xFF;

        Should.Throw<ModelFormatException>(() => StanceModel.FromBytes(bytes)).Message.ShouldContain("corrupt");
    }

    [Fact]
    public void Probe_GoodAndBadModels_ReturnsNullOrTheReason()
    {
        StanceModel.Probe(TestModels.Default.ToBytes()).ShouldBeNull();
        StanceModel.Probe(Encoding.ASCII.GetBytes("SBSTANCE....")).ShouldNotBeNull().ShouldContain("before ML.NET");
    }

    private static byte[] Rewrite(byte[] model, string entryName, Func<string, string> change)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(model)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName == entryName)
                {
                    using var reader = new StreamReader(from);
                    var bytes = Encoding.UTF8.GetBytes(change(reader.ReadToEnd()));
                    to.Write(bytes);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }
}
