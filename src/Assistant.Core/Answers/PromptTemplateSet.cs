using System.Text.Json;
using System.Xml;
using Assistant.Core.Acts;
using Microsoft.SemanticKernel;

namespace Assistant.Core.Answers;

/// <summary>
/// One prompt of the prompts folder, as legal experts edit it: <c>&lt;name&gt;/config.json</c> (Semantic Kernel's
/// prompt template configuration: what the prompt is for, its variables, the model's settings) and one template per
/// language, <c>ru.txt</c> and <c>kk.txt</c>, in Semantic Kernel's template syntax (<c>{{$question}}</c>) with
/// <c>&lt;message role="…"&gt;</c> elements. Loading checks everything that would otherwise fail silently: Semantic
/// Kernel sends a template that is not well-formed XML to the model as one user message, drops text outside the
/// messages and renders an unknown variable as nothing.
/// </summary>
public sealed class PromptTemplateSet
{
    public const string ConfigFile = "config.json";

    private static readonly string[] Roles = ["system", "user", "assistant"];

    private readonly Dictionary<Language, KernelFunction> _functions;

    private PromptTemplateSet(string name, Dictionary<Language, KernelFunction> functions, PromptExecutionSettings settings)
    {
        Name = name;
        _functions = functions;
        Settings = settings;
    }

    public string Name { get; }

    /// <summary>The "default" execution settings of config.json (temperature and the like); empty when it gives none.</summary>
    public PromptExecutionSettings Settings { get; }

    /// <summary>The prompt in one language, as a kernel function that renders the template and asks the kernel's chat client.</summary>
    public KernelFunction For(Language language) => _functions[language];

    /// <summary>Reads and checks <c>&lt;folder&gt;/&lt;name&gt;/</c>.</summary>
    /// <param name="variables">What the code gives the template: a template may use these and no others, and must use the required ones.</param>
    /// <exception cref="PromptTemplateException">A file is missing or wrong; the message names the file and the problem.</exception>
    public static PromptTemplateSet Load(string folder, string name, IReadOnlyList<PromptVariable> variables)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(variables);
        var directory = Path.Combine(folder, name);
        if (!Directory.Exists(directory))
        {
            throw new PromptTemplateException($"{directory}: the folder of the '{name}' prompt does not exist (prompts folder: {Path.GetFullPath(folder)}).");
        }

        var configPath = Path.Combine(directory, ConfigFile);
        var json = ReadFile(configPath, "the prompt's settings");
        var settings = ReadConfig(configPath, json, variables).ExecutionSettings.GetValueOrDefault(PromptExecutionSettings.DefaultServiceId) ?? new PromptExecutionSettings();
        var functions = new Dictionary<Language, KernelFunction>();
        foreach (var language in Enum.GetValues<Language>())
        {
            var templatePath = Path.Combine(directory, language.ToCode() + ".txt");
            var text = ReadFile(templatePath, $"the {language.ToCode()} template");
            CheckVariables(templatePath, text, variables);
            CheckMessages(templatePath, text, variables);
            var config = ReadConfig(configPath, json, variables);
            config.Name = name + "_" + language.ToCode();
            config.Template = text;
            config.AllowDangerouslySetContent = false;
            foreach (var input in config.InputVariables)
            {
                // Only a variable the code writes as <message> elements, with their contents escaped, may carry markup:
                // a question that closed its message and opened a system one would otherwise reach the model as such.
                input.AllowDangerouslySetContent = variables.Any(v => v.IsMessages && v.Name.Equals(input.Name, StringComparison.OrdinalIgnoreCase));
            }

            functions[language] = KernelFunctionFactory.CreateFromPrompt(new KernelPromptTemplateFactory().Create(config), config);
        }

        return new PromptTemplateSet(name, functions, settings);
    }

    private static string ReadFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new PromptTemplateException($"{path}: missing; it holds {what}.");
        }

        var text = File.ReadAllText(path);
        return string.IsNullOrWhiteSpace(text) ? throw new PromptTemplateException($"{path}: empty; it holds {what}.") : text;
    }

    private static PromptTemplateConfig ReadConfig(string path, string json, IReadOnlyList<PromptVariable> variables)
    {
        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(json);
        }
        catch (ArgumentException e) when (e.InnerException is JsonException inner)
        {
            throw new PromptTemplateException($"{path}: not valid JSON at line {inner.LineNumber + 1}, position {inner.BytePositionInLine + 1}: {inner.Message}", e);
        }
        catch (JsonException e)
        {
            throw new PromptTemplateException($"{path}: not valid JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message}", e);
        }

        if (config.TemplateFormat != PromptTemplateConfig.SemanticKernelTemplateFormat)
        {
            throw new PromptTemplateException($"{path}: template_format is '{config.TemplateFormat}'; only '{PromptTemplateConfig.SemanticKernelTemplateFormat}' is served.");
        }

        if (config.InputVariables.FirstOrDefault(input => !variables.Any(v => v.Name.Equals(input.Name, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            throw new PromptTemplateException($"{path}: input variable '{unknown.Name}' is not one the prompt is given ({Names(variables)}).");
        }

        return config;
    }

    private static void CheckVariables(string path, string text, IReadOnlyList<PromptVariable> variables)
    {
        // A configuration without declared variables collects exactly the ones the template refers to.
        var probe = new PromptTemplateConfig { Template = text };
        try
        {
            new KernelPromptTemplateFactory().Create(probe);
        }
        catch (KernelException e)
        {
            throw new PromptTemplateException($"{path}: {e.Message}", e);
        }

        if (probe.InputVariables.FirstOrDefault(used => !variables.Any(v => v.Name.Equals(used.Name, StringComparison.OrdinalIgnoreCase))) is { } unknown)
        {
            throw new PromptTemplateException($"{path}: uses {{{{${unknown.Name}}}}}, which the prompt is not given; it is given {Names(variables)}.");
        }

        if (variables.FirstOrDefault(v => v.Required && !probe.InputVariables.Any(used => used.Name.Equals(v.Name, StringComparison.OrdinalIgnoreCase))) is { } missing)
        {
            throw new PromptTemplateException($"{path}: does not use {{{{${missing.Name}}}}}, so the model would never see it.");
        }
    }

    private static void CheckMessages(string path, string text, IReadOnlyList<PromptVariable> variables)
    {
        const string Root = "<root>";
        var document = new XmlDocument { PreserveWhitespace = true };
        try
        {
            document.LoadXml(Root + text + "</root>");
        }
        catch (XmlException e)
        {
            var position = e.LineNumber == 1 ? e.LinePosition - Root.Length : e.LinePosition;
            throw new PromptTemplateException(
                $"{path}: not well-formed at line {e.LineNumber}, position {position}: {e.Message} Write & < > in the text as &amp; &lt; &gt;.", e);
        }

        var users = 0;
        foreach (XmlNode node in document.DocumentElement!.ChildNodes)
        {
            switch (node)
            {
                case XmlElement { Name: "message" } message when Roles.Contains(message.GetAttribute("role")):
                    users += message.GetAttribute("role") == "user" ? 1 : 0;
                    break;
                case XmlElement element:
                    throw new PromptTemplateException(
                        $"{path}: <{element.Name} role=\"{element.GetAttribute("role")}\">: every part of the prompt is a <message role=\"…\"> with role system, user or assistant.");
                case XmlWhitespace or XmlSignificantWhitespace or XmlComment:
                    break;
                case XmlText outside when !IsMessagesVariable(outside.Value!, variables):
                    throw new PromptTemplateException(
                        $"{path}: text outside any <message>, which the model would never see: «{outside.Value!.Trim()}».");
                default:
                    break;
            }
        }

        if (users == 0)
        {
            throw new PromptTemplateException($"{path}: has no <message role=\"user\">: the model would be given no question.");
        }
    }

    /// <summary>Text between messages may only place a variable that itself renders messages, such as the conversation so far.</summary>
    private static bool IsMessagesVariable(string text, IReadOnlyList<PromptVariable> variables)
    {
        var rest = text.Trim();
        foreach (var variable in variables.Where(v => v.IsMessages))
        {
            rest = rest.Replace("{{$" + variable.Name + "}}", string.Empty, StringComparison.OrdinalIgnoreCase).Trim();
        }

        return rest.Length == 0;
    }

    private static string Names(IReadOnlyList<PromptVariable> variables) => string.Join(", ", variables.Select(v => "{{$" + v.Name + "}}"));
}

/// <summary>A value the code gives a prompt template.</summary>
/// <param name="Required">The template must use it: without it the model would lack what it answers from.</param>
/// <param name="IsMessages">It renders as <c>&lt;message&gt;</c> elements (their text escaped), placed between the template's messages.</param>
public sealed record PromptVariable(string Name, bool Required, bool IsMessages = false);

/// <summary>A prompt template that is missing or wrong; the message names the file and what is wrong in it.</summary>
public sealed class PromptTemplateException : Exception
{
    public PromptTemplateException()
    {
    }

    public PromptTemplateException(string message)
        : base(message)
    {
    }

    public PromptTemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
