namespace StanceBoard.Benchmarks.OldEngine.Scales;

/// <summary>Maps a data interval onto a pixel interval (either may be reversed).</summary>
internal readonly record struct LinearScale(double DomainMin, double DomainMax, double RangeMin, double RangeMax)
{
    public double Map(double value)
    {
        var span = DomainMax - DomainMin;
        return span == 0 ? (RangeMin + RangeMax) / 2 : RangeMin + ((value - DomainMin) / span * (RangeMax - RangeMin));
    }
}
