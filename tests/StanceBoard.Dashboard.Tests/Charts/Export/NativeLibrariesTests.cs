using StanceBoard.Dashboard.Charts.Export;

namespace StanceBoard.Dashboard.Tests.Charts.Export;

public sealed class NativeLibrariesTests
{
    [Fact]
    public void Check_MissingRsvg_NamesLibraryAndPackage()
    {
        var message = NativeLibraries.Check(name => name != NativeLibraries.Rsvg, () => true);

        message.ShouldNotBeNull();
        message.ShouldContain("librsvg-2.so.2");
        message.ShouldContain("apt-get install librsvg2-2");
    }

    [Fact]
    public void Check_MissingCairoAndRsvg_NamesBothPackages()
    {
        var message = NativeLibraries.Check(name => name is not (NativeLibraries.Rsvg or NativeLibraries.Cairo), () => true)!;

        message.ShouldContain("librsvg2-2 libcairo2");
    }

    [Fact]
    public void Check_MissingFont_NamesFontPackage()
    {
        NativeLibraries.Check(_ => true, () => false)!.ShouldContain("fonts-dejavu-core");
    }

    [Fact]
    public void Check_AllPresent_IsNull()
    {
        NativeLibraries.Check(_ => true, () => true).ShouldBeNull();
    }
}
