using Xunit.Sdk;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>
/// A fact of <see cref="VectorIndexBehaviour"/>: it runs in every derived class, and is skipped with a reason in a
/// class marked <see cref="RequiresEnvironmentAttribute"/> whose variable is not set.
/// </summary>
[XunitTestCaseDiscoverer("Assistant.Storage.Tests.Vectors.VectorIndexFactDiscoverer", "Assistant.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class VectorIndexFactAttribute : FactAttribute;
