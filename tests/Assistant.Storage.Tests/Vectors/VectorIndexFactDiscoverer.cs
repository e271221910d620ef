using Xunit.Abstractions;
using Xunit.Sdk;

namespace Assistant.Storage.Tests.Vectors;

/// <summary>
/// Attributes are fixed where a test is declared, and the behaviour tests are declared once in the base class, so
/// skipping is decided here, per derived class, when tests are discovered.
/// </summary>
public sealed class VectorIndexFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute)).FirstOrDefault();
        if (requirement is not null)
        {
            var arguments = requirement.GetConstructorArguments().Cast<string>().ToArray();
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(arguments[0])))
            {
                var reason = $"{arguments[0]} is not set: these tests need {arguments[1]}.";
                return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
            }
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
