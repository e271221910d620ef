namespace Assistant.Storage.Tests.Vectors;

/// <summary>The class's <see cref="VectorIndexFactAttribute"/> tests need this environment variable, e.g. the address of a server.</summary>
/// <param name="what">What the variable points at, for the skip reason.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable, string what) : Attribute
{
    public string Variable { get; } = variable;

    public string What { get; } = what;
}
