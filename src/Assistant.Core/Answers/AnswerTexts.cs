using Assistant.Core.Acts;

namespace Assistant.Core.Answers;

/// <summary>The fixed wording of answers, in the question's language.</summary>
internal static class AnswerTexts
{
    public static string Abstention(Language language, AnswerScope scope = AnswerScope.Index) => (scope, language) switch
    {
        (AnswerScope.Draft, Language.Kk) => "Бұл сұрақ заң жобасы мен ол өзгертетін актілердің шеңберінен тыс: олардың нормаларында жауап беруге негіз жоқ.",
        (AnswerScope.Draft, _) => "Вопрос выходит за рамки законопроекта и изменяемых им актов: в их нормах нет основания для ответа.",
        (_, Language.Kk) => "Индекстегі құқықтық нормаларда бұл сұраққа жауап беруге негіз жоқ.",
        _ => "В проиндексированных нормах права нет основания для ответа на этот вопрос.",
    };

    public static string ClosestNorms(Language language) => language == Language.Kk
        ? "Ең жақын нормалар:"
        : "Ближайшие нормы:";

    public static string ExtractHeading(Language language) => language == Language.Kk
        ? "Нормалардан үзінді (тіл моделі қосылмаған):"
        : "Выдержка из норм (языковая модель не подключена):";

    public static string NoSources => "no norm was found for the question";

    public static string LowConfidence => "the norms found share too little with the question";

    public static string NothingCited => "the answer cited none of its sources";
}
