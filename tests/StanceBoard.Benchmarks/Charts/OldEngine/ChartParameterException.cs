namespace StanceBoard.Benchmarks.OldEngine;

/// <summary>A chart parameter (size, dpi, filter, name…) is invalid; <see cref="Parameter"/> names it for a 400 response or a CLI usage error.</summary>
internal sealed class ChartParameterException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="parameter">The parameter's name as the caller spells it (<c>width</c>, <c>dpi</c>, <c>from</c>…).</param>
    /// <param name="message">What is wrong and what is accepted.</param>
    public ChartParameterException(string parameter, string message)
        : base(message, parameter)
    {
        Parameter = parameter;
        Message = message;
    }

    /// <summary>The parameter's name.</summary>
    public string Parameter { get; }

    /// <summary>What is wrong, without ArgumentException's "(Parameter '…')" suffix: the name is in <see cref="Parameter"/>.</summary>
    public override string Message { get; } = string.Empty;
}
