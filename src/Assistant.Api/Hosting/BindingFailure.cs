using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assistant.Api.Hosting;

/// <summary>
/// What a request the framework could not bind did wrong, in words that name the field or parameter and never a CLR
/// type: ASP.NET Core's messages read «Failed to bind parameter "Nullable&lt;DateTimeOffset&gt; since" from "x"» and
/// System.Text.Json's «could not be converted to System.Int32», which tell a caller nothing they sent.
/// </summary>
internal sealed partial record BindingFailure(int Status, string Title, ProblemText Detail, string? Parameter)
{
    /// <summary>Values sent are quoted in details cut short, so that a long one does not fill a log line.</summary>
    private const int EchoLength = 40;

    public static BindingFailure Explain(BadHttpRequestException bad)
    {
        ArgumentNullException.ThrowIfNull(bad);
        var status = bad.StatusCode;
        if (Inner<JsonException>(bad) is { } json)
        {
            return FromJson(status, json);
        }

        var message = bad.Message;
        if (BindFailed().Match(message) is { Success: true } bind)
        {
            return BadValue(status, bind.Groups["name"].Value, bind.Groups["type"].Value, Echo(bind.Groups["value"].Value));
        }

        if (Required().Match(message) is { Success: true } required)
        {
            return required.Groups["source"].Value == "body"
                ? new(status, "Invalid request", "The body is missing: send a JSON object.", null)
                : new(status, "Invalid request", $"{required.Groups["name"].Value} is missing; this endpoint needs it.", required.Groups["name"].Value);
        }

        if (message.StartsWith("Implicit body inferred", StringComparison.Ordinal))
        {
            return new(status, "Invalid request", "The body is missing: send a JSON object.", null);
        }

        if (MediaType().Match(message) is { Success: true } media)
        {
            var sent = Echo(media.Groups["type"].Value);
            return media.Groups["kind"].Value == "JSON"
                ? new(status, "Unsupported media type", $"The body must be JSON (Content-Type: application/json); it was sent as {sent}.", null)
                : new(status, "Unsupported media type", $"The body must be a form (Content-Type: multipart/form-data); it was sent as {sent}.", null);
        }

        if (FormFailed().Match(message) is { Success: true } form)
        {
            return new(status, "Invalid request", $"The body is not a form this endpoint can read ({form.Groups["name"].Value}).", form.Groups["name"].Value);
        }

        if (TooLarge().Match(message) is { Success: true } large)
        {
            return new(status, "Request body too large", $"The request body is larger than the {large.Groups["limit"].Value} bytes accepted.", null);
        }

        return new(status, "Invalid request", "The request could not be read as HTTP this endpoint takes.", null);
    }

    /// <summary>Where the JSON broke, by its path ($.messages[1].content) and place; the parameter is the field.</summary>
    public static BindingFailure FromJson(int status, JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var line = (json.LineNumber ?? 0) + 1;
        var position = (json.BytePositionInLine ?? 0) + 1;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

        // System.Text.Json wraps the reader's syntax errors, itself a JsonException; a value of the wrong type it raises alone.
        if (json.InnerException is JsonException)
        {
            return new(status, "Invalid request", $"The body is not valid JSON: it breaks at {path} (line {line}, byte {position}).", field);
        }

        return field is null
            ? new(status, "Invalid request", $"The body is not the JSON this endpoint takes (line {line}, byte {position}): send a JSON object with the fields /openapi/v1.json describes.", null)
            : new(status, "Invalid request", $"The body is not the JSON this endpoint takes: the value at {path} is not of the type {field} takes (line {line}, byte {position}).", field);
    }

    /// <summary>A query, route or header value the parameter's type cannot hold, said as what it must be.</summary>
    private static BindingFailure BadValue(int status, string name, string type, string value)
    {
        var bare = type.Replace("Nullable<", string.Empty, StringComparison.Ordinal).TrimEnd('?', '>');

        // Each arm an interpolated string of its own, so that it stays a template (a switch would make it a string).
        if (bare is "DateTimeOffset" or "DateTime" or "DateOnly")
        {
            return Refused($"{name} is {value}: it must be a date or a date and time (ISO 8601, e.g. 2026-01-31).");
        }

        if (bare is "int" or "long" or "short" or "uint" or "ulong" or "ushort" or "byte")
        {
            return Refused($"{name} is {value}: it must be a whole number.");
        }

        if (bare is "double" or "float" or "decimal")
        {
            return Refused($"{name} is {value}: it must be a number.");
        }

        return bare == "bool" ? Refused($"{name} is {value}: it must be true or false.") : Refused($"{name} is {value}, which is not a value it takes.");

        BindingFailure Refused(ProblemText detail) => new(status, "Invalid request", detail, name);
    }

    private static T? Inner<T>(Exception exception)
        where T : Exception
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Echo(string value) => value.Length > EchoLength ? $"'{value[..EchoLength]}…'" : $"'{value}'";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+)\.$""")]
    private static partial Regex Required();

    [GeneratedRegex("""^Expected a supported (?<kind>JSON|form) media type but got "(?<type>.*)"\.$""")]
    private static partial Regex MediaType();

    [GeneratedRegex("""parameter "(?<type>.+) (?<name>[^ "]+)" from the request body as form\.$""")]
    private static partial Regex FormFailed();

    [GeneratedRegex("""^Request body too large\. The max request body size is (?<limit>\d+) bytes\.$""")]
    private static partial Regex TooLarge();
}
