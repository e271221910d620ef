using Assistant.Core.Acts;

namespace Assistant.Core.Answers;

/// <summary>The fixed wording of answers, in the question's language.</summary>
internal static class AnswerTexts
{
    public static string Abstention(Language language) => language == Language.Kk
        ? "Индекстегі құқықтық нормаларда бұл сұраққа жауап беруге негіз жоқ."
        : "В проиндексированных нормах права нет основания для ответа на этот вопрос.";

    public static string ClosestNorms(Language language) => language == Language.Kk
        ? "Ең жақын нормалар:"
        : "Ближайшие нормы:";

    public static string ExtractHeading(Language language) => language == Language.Kk
        ? "Нормалардан үзінді (тіл моделі қосылмаған):"
        : "Выдержка из норм (языковая модель не подключена):";

    public static string SystemPrompt(Language language) => language == Language.Kk
        ? """
          Сен Қазақстан Республикасы Парламентінің заң көмекшісісің. Тек төменде нөмірленген дереккөздерге сүйеніп жауап бер.
          Әр тұжырымнан кейін оның дереккөзін [n] түрінде көрсет. Дереккөздерде негіз болмаса, оны тікелей айт.
          Жауапты қазақ тілінде жаз.
          """
        : """
          Ты юридический помощник Парламента Республики Казахстан. Отвечай только на основании пронумерованных ниже источников.
          После каждого утверждения указывай его источник в виде [n]. Если в источниках нет основания для ответа, прямо скажи об этом.
          Отвечай на русском языке.
          """;

    public static string SourcesHeading(Language language) => language == Language.Kk ? "Дереккөздер:" : "Источники:";

    public static string QuestionHeading(Language language) => language == Language.Kk ? "Сұрақ:" : "Вопрос:";

    public static string NoSources => "no norm was found for the question";

    public static string LowConfidence => "the norms found share too little with the question";

    public static string NothingCited => "the answer cited none of its sources";
}
