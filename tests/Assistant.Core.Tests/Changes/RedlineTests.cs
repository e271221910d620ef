using Assistant.Core.Changes;

namespace Assistant.Core.Tests.Changes;

public sealed class RedlineTests
{
    [Fact]
    public void Replaced_word_is_a_deletion_followed_by_an_insertion_between_kept_text()
    {
        var segments = Redline.Between("Работник имеет право на отпуск.", "Работник имеет право на оплачиваемый отпуск.");

        Assert.Equal(
            [
                new RedlineSegment(RedlineKind.Kept, "Работник имеет право на "),
                new RedlineSegment(RedlineKind.Inserted, "оплачиваемый "),
                new RedlineSegment(RedlineKind.Kept, "отпуск."),
            ],
            segments);
    }

    [Fact]
    public void Kept_and_deleted_segments_spell_the_old_text_and_kept_and_inserted_the_new()
    {
        const string before = "1. Срок договора — один год.\n2. Иные условия.";
        const string after = "1. Срок договора — три года.\n2. Иные условия договора.\n3. Новое.";

        var segments = Redline.Between(before, after);

        Assert.Equal(before, string.Concat(segments.Where(s => s.Kind != RedlineKind.Inserted).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(segments.Where(s => s.Kind != RedlineKind.Deleted).Select(s => s.Text)));
    }

    [Fact]
    public void Same_text_is_one_kept_segment()
    {
        Assert.Equal([new RedlineSegment(RedlineKind.Kept, "Статья 1.")], Redline.Between("Статья 1.", "Статья 1."));
    }
}
