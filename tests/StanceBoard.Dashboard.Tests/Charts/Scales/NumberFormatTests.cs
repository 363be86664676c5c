using StanceBoard.Dashboard.Charts.Scales;

namespace StanceBoard.Dashboard.Tests.Charts.Scales;

public sealed class NumberFormatTests
{
    [Theory]
    [InlineData(-0.5, 1, false, "\u22120.5")]
    [InlineData(0.5, 1, true, "+0.5")]
    [InlineData(-0.0001, 2, true, "0.00")]
    [InlineData(12345, 0, false, "12,345")]
    public void Format_Value_UsesTrueMinusAndInvariantGrouping(double value, int decimals, bool signed, string expected)
    {
        NumberFormat.Format(value, decimals, signed).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(0.25, 2)]
    [InlineData(20, 0)]
    [InlineData(2.5, 1)]
    public void DecimalsFor_Step_IsJustEnough(double step, int decimals)
    {
        NumberFormat.DecimalsFor(step).ShouldBe(decimals);
    }
}
