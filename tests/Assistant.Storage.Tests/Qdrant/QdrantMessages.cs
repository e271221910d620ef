using Google.Protobuf;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>
/// Expected requests in Messages/, written by hand in protobuf's JSON form from Qdrant's collections.proto and
/// points.proto (the messages Qdrant.Client 1.20 carries), compared as protobuf messages.
/// </summary>
internal static class QdrantMessages
{
    public static T Read<T>(string name)
        where T : IMessage<T>, new() =>
        JsonParser.Default.Parse<T>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Qdrant", "Messages", name + ".json")));

    public static void AssertEqual<T>(string expected, T actual)
        where T : IMessage<T>, new()
    {
        var wanted = Read<T>(expected);
        Assert.True(
            wanted.Equals(actual),
            $"{typeof(T).Name} differs from {expected}.json.\nExpected: {JsonFormatter.Default.Format(wanted)}\nActual:   {JsonFormatter.Default.Format(actual)}");
    }
}
