using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Core.Drafts;

/// <summary>
/// A draft's text from the file an expert uploads: a Word document (.docx, one line per paragraph, as drafting
/// bodies circulate them) or UTF-8 text.
/// </summary>
public static class DraftFile
{
    /// <summary>The text, or the reason the file cannot be read as a draft.</summary>
    public static async Task<(string? Text, string? Error)> ReadAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        return IsZip(bytes) ? ReadDocx(buffer, fileName) : ReadText(bytes, fileName);
    }

    private static bool IsZip(byte[] bytes) => bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;

    private static (string? Text, string? Error) ReadDocx(MemoryStream buffer, string fileName)
    {
        try
        {
            buffer.Position = 0;
            using var document = WordprocessingDocument.Open(buffer, isEditable: false);
            if (document.MainDocumentPart?.Document?.Body is not { } body)
            {
                return (null, $"The file \"{fileName}\" is a Word document without a body.");
            }

            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                text.AppendLine(string.Concat(paragraph.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)));
            }

            return (text.ToString(), null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            return (null, $"The file \"{fileName}\" is a ZIP archive but not a Word document (.docx): {e.Message}");
        }
    }

    private static (string? Text, string? Error) ReadText(byte[] bytes, string fileName)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
            return (text.TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"The file \"{fileName}\" is neither a Word document (.docx) nor UTF-8 text.");
        }
    }
}
