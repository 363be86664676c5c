using StanceBoard.Dashboard.Charts.Scales;

namespace StanceBoard.Dashboard.Tests.Charts.Scales;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(0, 97, 6, 20, 0, 100)]
    [InlineData(-1, 1, 5, 0.5, -1, 1)]
    [InlineData(0.0013, 0.0087, 5, 0.0025, 0, 0.01)]
    [InlineData(0, 1234, 8, 200, 0, 1400)]
    [InlineData(3, 3, 5, 0.2, 2.6, 3.4)]
    [InlineData(-37, 12, 6, 20, -40, 20)]
    [InlineData(-37, 12, 7, 10, -40, 20)]
    public void Compute_Range_GivesNiceStepCoveringRange(double min, double max, int maxTicks, double step, double first, double last)
    {
        var (actualStep, values) = NiceTicks.Compute(min, max, maxTicks);

        actualStep.ShouldBe(step, 1e-12);
        values[0].ShouldBe(first, 1e-9);
        values[^1].ShouldBe(last, 1e-9);
        values.Count.ShouldBeLessThanOrEqualTo(maxTicks);
    }

    [Fact]
    public void Compute_AnyRange_StepsAreOneTwoTwoAndAHalfOrFiveTimesPowerOfTen()
    {
        var random = new Random(3);
        for (var i = 0; i < 500; i++)
        {
            var a = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 6));
            var b = a + (random.NextDouble() * Math.Pow(10, random.Next(-3, 6)));
            var (step, values) = NiceTicks.Compute(a, b, 2 + random.Next(9));

            var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
            new[] { 1, 2, 2.5, 5 }.ShouldContain(m => Math.Abs(m - mantissa) < 1e-9);
            values[0].ShouldBeLessThanOrEqualTo(a + (step * 1e-6), $"{a}..{b}");
            values[^1].ShouldBeGreaterThanOrEqualTo(b - (step * 1e-6), $"{a}..{b}");
            for (var k = 1; k < values.Count; k++)
            {
                (values[k] - values[k - 1]).ShouldBe(step, step * 1e-6);
            }
        }
    }

    [Fact]
    public void Compute_NotFinite_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => NiceTicks.Compute(double.NaN, 1, 5));
    }
}
