using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Assistant.Core.Acts;
using Assistant.Core.Adilet;
using Assistant.Core.Norms;
using Assistant.Tests.Support;

namespace Assistant.Core.Tests.Adilet;

public class BulkRecordReaderTests
{
    [SharedFact]
    public void Ru_2024_labour_code_record_maps_to_its_adilet_id_dated_by_its_footnotes_with_one_article_per_line()
    {
        var act = BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", "ru-acts-2024-00.jsonl.gz"))
            .Select(entry => entry.Act)
            .First(a => a?.Source == "ru-acts-2024-00.jsonl.gz#ru2024-261")!;

        Assert.Equal("K1500000414", act.Id);
        Assert.Equal("Трудовой кодекс РК", act.Title);
        // Dated by the newest amending law its footnotes name, not by the export's «2024-03» label.
        Assert.Equal("2023-12-21", act.Edition);
        Assert.Equal(ActStatus.Unknown, act.Status);
        Assert.Equal(ActKind.Code, act.Kind);
        var article = act.Norms.Single(n => n.Id.ToString() == "K1500000414/art:4");
        Assert.Equal("Принципы трудового законодательства Республики Казахстан", article.Heading);
        Assert.StartsWith("Принципами трудового законодательства Республики Казахстан являются:", article.Text, StringComparison.Ordinal);
        Assert.Equal("K1500000414/art:4/sp:1", article.Parts[0].Id.ToString());
    }

    [Theory]
    [InlineData("О районном бюджете на 2024-2026 годы Новый Решение Бурлинского районного маслихата Западно-Казахстанской области от 22 декабря 2023 года № 9-1", "2023-12-22", "9-1")]
    [InlineData("Вопросы реорганизации компании Новый Постановление Правительства Республики Казахстан от 2 февраля 1996 г. N 144", "1996-02-02", "144")]
    [InlineData("Әдістемесін бекіту туралы Жаңа Арал аудандық мәслихатының 2018 жылғы 13 наурыздағы № 25 13 шешімі", "2018-03-13", "25 13")]
    [InlineData("О внесении изменения в постановление от 14 марта 2018 года № 4 Новый Постановление ревизионной комиссии от 5 мая 2019 года № 12", "2019-05-05", "12")]
    public void A_bulk_title_gives_the_acts_own_date_and_number(string title, string date, string number)
    {
        var act = BulkRecordReader.ReadRecord(Record("x-1", title), "x.jsonl", 1).Act!;

        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), act.AdoptedOn);
        Assert.Equal(number, act.Number);
    }

    [Theory]
    [InlineData("О внесении изменения в постановление ревизионной комиссии по Актюбинской области от 14 марта 2018 года № 4 Об утверждении Методики оценки деятельности Новый Постановление ревизионной комиссии от 2")]
    [InlineData("Стратегиясын бекіту туралы Жаңа Қазақстан Республикасы Үкіметінің 2020 жылғы 30 желтоқсанд")]
    [InlineData("Бюджет туралы шешім 2020 жылғы 31 ақпандағы № 5")]
    [InlineData("Новый Решение маслихата от 0 января 2020 года № 5")]
    [InlineData("Жаңа мәслихатының 0000 жылғы 5 қаңтардағы № 5 шешімі")]
    public void A_bulk_title_cut_before_its_own_date_or_with_an_impossible_one_gives_none(string title)
    {
        var act = BulkRecordReader.ReadRecord(Record("x-1", title), "x.jsonl", 1).Act!;

        Assert.Null(act.AdoptedOn);
        Assert.Null(act.Number);
    }

    [Fact]
    public void The_russian_and_kazakh_numbers_of_one_act_give_one_registration()
    {
        var russian = BulkRecordReader.ReadRecord(Record("ru-1", "Решение маслихата от 11 декабря 2023 года № 68-VIII"), "ru.jsonl", 1).Act!;
        var kazakh = BulkRecordReader.ReadRecord(Record("kk-1", "Жаңа мәслихатының 2023 жылғы 11 желтоқсандағы № 68-VІІІ шешімі"), "kk.jsonl", 1).Act!;

        Assert.Equal(ActRegistration.Of(russian), ActRegistration.Of(kazakh));
        Assert.Equal("2023-12-11 №68viii", ActRegistration.Of(kazakh).ToString());
    }

    [Fact]
    public void A_record_with_an_empty_text_is_kept_as_an_act_without_norms()
    {
        var entry = BulkRecordReader.ReadRecord("""{"id":"kk-1","lang":"kk","title":"Қызметтер регламенттерін бекіту туралы","status":"in_force","text":""}""", "kk.jsonl", 7);

        Assert.Null(entry.Error);
        Assert.Equal("kk-1", entry.Act!.Id);
        Assert.Equal(ActStatus.InForce, entry.Act.Status);
        Assert.Empty(entry.Act.Norms);
    }

    [SharedFact]
    public void Kk_bulk_order_record_has_its_points_as_top_level_norms()
    {
        var act = BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", "kk-acts-00.jsonl.gz")).First().Act!;

        Assert.Equal("kk-000001", act.Id);
        Assert.Equal(Language.Kk, act.Language);
        Assert.Equal(ActKind.Order, act.Kind);
        Assert.Equal("kk-acts-00.jsonl.gz#kk-000001", act.Source);
        Assert.Equal("kk-000001/p:1", act.Norms[0].Id.ToString());
        Assert.Equal(NormKind.Point, act.Norms[0].Kind);
        Assert.Equal("БҰЙЫРАМЫН:", act.Preamble);
    }

    [SharedFact]
    public void Ru_other_bulk_decision_keeps_its_own_id_and_its_points()
    {
        var act = BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", "ru-acts-other-00.jsonl.gz")).Skip(1).First().Act!;

        Assert.Equal("ru-ex-000002", act.Id);
        Assert.Equal(ActKind.Decision, act.Kind);
        var first = act.Norms[0];
        Assert.Equal("ru-ex-000002/p:1", first.Id.ToString());
        Assert.Equal("ru-ex-000002/p:1/sp:1", first.Parts[0].Id.ToString());
        Assert.EndsWith("Бурлинский районный маслихат РЕШИЛ:", act.Preamble, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Ru_other_record_without_points_becomes_one_point_holding_the_whole_text()
    {
        var act = BulkRecordReader.ReadFile(SharedData.Path("corpus", "bulk", "ru-acts-other-00.jsonl.gz")).Skip(2).First().Act!;

        var norm = Assert.Single(act.Norms);
        Assert.Equal("ru-ex-000003/p:1", norm.Id.ToString());
        Assert.StartsWith("Правительство Республики Казахстан постановляет: Назначить Бекбосунова", norm.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Kazakh_footnote_and_publisher_note_attach_to_the_point_they_follow()
    {
        var jsonl = """
            {"id":"kk-1","lang":"kk","title":"Бюджет туралы","status":"in_force","text":"Қалалық мәслихат ШЕШТІ:\n\n1. Бюджет бекітілсін.\n\nЕскерту. 1-тармақ жаңа редакцияда – ҚР Үкіметінің 15.11.2017№ 745 қаулысымен.\n\nҚР ЗҒАИ-ның ескертпесі!\n\nМәтінде түпнұсқаның емлесі сақталған.\n\n2. Осы шешім қолданысқа енгізіледі."}
            """;

        var act = Assert.Single(Read(jsonl)).Act!;

        Assert.Equal(ActKind.Decision, act.Kind);
        var first = act.Norms[0];
        Assert.Equal("1. Бюджет бекітілсін.", first.Text);
        Assert.Equal(new DateOnly(2017, 11, 15), Assert.Single(first.Footnotes).AmendedOn);
        Assert.Equal("ҚР ЗҒАИ-ның ескертпесі! Мәтінде түпнұсқаның емлесі сақталған.", Assert.Single(first.EditorialNotes).Text);
        Assert.Equal("kk-1/p:2", act.Norms[1].Id.ToString());
    }

    [Fact]
    public void Status_comes_from_the_record()
    {
        var jsonl = """
            {"id":"a","lang":"kk","title":"T","status":"in_force","text":"1. Бірінші."}
            {"id":"b","lang":"kk","title":"T","status":"expired","text":"1. Бірінші."}
            {"id":"c","lang":"kk","title":"T","status":"repealed","text":"1. Бірінші."}
            {"id":"d","lang":"kk","title":"T","status":null,"text":"1. Бірінші."}
            """;

        var statuses = Read(jsonl).Select(e => e.Act!.Status);

        Assert.Equal([ActStatus.InForce, ActStatus.Expired, ActStatus.Repealed, ActStatus.Unknown], statuses);
    }

    [Fact]
    public void Bad_lines_are_errors_with_their_line_numbers_and_reading_goes_on()
    {
        var jsonl = "{\"id\":\"a\",\"lang\":\"ru\",\"title\":\"T\",\"text\":\"1. Первый.\"}\n{not json\n\n{\"lang\":\"ru\",\"text\":\"1. x\"}\n{\"id\":\"e\",\"lang\":\"ru\",\"title\":\"T\"}\n{\"id\":\"f\",\"lang\":\"ru\",\"title\":\"T\",\"text\":\"1. Последний.\"}\n";

        var entries = Read(jsonl);

        Assert.Equal([1, 2, 4, 5, 6], entries.Select(e => e.Line));
        Assert.Equal([false, true, true, true, false], entries.Select(e => e.IsError));
        Assert.StartsWith("test.jsonl:2: bad JSON", entries[1].Error!.Message, StringComparison.Ordinal);
        Assert.Equal("the record has no \"id\"", entries[2].Error!.Reason);
        Assert.Equal("test.jsonl:5: record e has no \"text\"", entries[3].Error!.Message);
        Assert.Equal("f/p:1", entries[4].Act!.Norms[0].Id.ToString());
    }

    [Fact]
    public void Gzip_files_are_read_as_a_stream()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bulk-{Guid.NewGuid():N}.jsonl.gz");
        try
        {
            using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            {
                gzip.Write(Encoding.UTF8.GetBytes("{\"id\":\"g\",\"lang\":\"ru\",\"title\":\"T\",\"text\":\"1. Один.\\n2. Два.\"}\n"));
            }

            var act = Assert.Single(BulkRecordReader.ReadFile(path)).Act!;

            Assert.Equal(["g/p:1", "g/p:2"], act.Norms.Select(n => n.Id.ToString()));
            Assert.Equal($"{Path.GetFileName(path)}#g", act.Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<BulkEntry> Read(string jsonl) =>
        BulkRecordReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "test.jsonl").ToList();

    private static string Record(string id, string title) =>
        JsonSerializer.Serialize(new { id, lang = id.StartsWith("kk", StringComparison.Ordinal) ? "kk" : "ru", title, text = "1. Утвердить." });
}
