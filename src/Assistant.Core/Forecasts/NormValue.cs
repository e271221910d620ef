using System.Globalization;

namespace Assistant.Core.Forecasts;

/// <summary>What a norm fixes that another norm on the same subject may fix otherwise.</summary>
public enum ValueKind
{
    /// <summary>A period: «в течение десяти рабочих дней», «5 күн ішінде».</summary>
    Deadline,

    /// <summary>A sum or a share: МРП / АЕК, тенге / теңге, percentages.</summary>
    Amount,

    /// <summary>An age: «восемнадцатилетнего возраста», «он сегіз жасқа».</summary>
    Age,

    /// <summary>Who decides or acts: the Government, the authorized body, a court…</summary>
    Body,

    /// <summary>May, must or must not: «вправе», «обязан», «запрещается», «допускается».</summary>
    Modality,
}

/// <summary>A value a norm's text holds, as printed and normalized, so that two norms' values compare.</summary>
/// <param name="Quantity">The number (10 for «десяти»); 0 for a body or a modality.</param>
/// <param name="Unit">
/// working-day, day, week, month, year, hour; mrp, kzt, percent; years (an age); the body (government, authorized-body…)
/// or the modality (permitted, obligatory, prohibited).
/// </param>
/// <param name="Phrase">The words as printed («десяти рабочих дней»).</param>
/// <param name="Number">The number as printed inside <paramref name="Phrase"/> («десяти», «10»); empty for a body or a modality.</param>
public sealed record NormValue(ValueKind Kind, decimal Quantity, string Unit, string Phrase, string Number)
{
    /// <summary>What two values are compared by: «10 working-day», «authorized-body».</summary>
    public string Normalized => Kind is ValueKind.Body or ValueKind.Modality
        ? Unit
        : string.Create(CultureInfo.InvariantCulture, $"{Quantity:0.##} {Unit}");
}
