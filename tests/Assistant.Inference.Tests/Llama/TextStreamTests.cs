using System.Text;
using Assistant.Inference.Llama;

namespace Assistant.Inference.Tests.Llama;

public class TextStreamTests
{
    [Fact]
    public void Multi_byte_characters_split_across_tokens_come_out_whole()
    {
        var stream = new TextStream([]);
        var bytes = Encoding.UTF8.GetBytes("Әділет");

        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(stream.Append([b]));
        }

        Assert.Equal("Әділет", text.Append(stream.Flush()).ToString());
    }

    [Fact]
    public void Stop_sequence_split_across_tokens_is_held_back_and_not_emitted()
    {
        var stream = new TextStream(["</answer>"]);

        Assert.Equal("Ответ: ст. 88", stream.Append(Encoding.UTF8.GetBytes("Ответ: ст. 88")));
        Assert.Equal(string.Empty, stream.Append(Encoding.UTF8.GetBytes("</ans")));
        Assert.False(stream.Stopped);
        Assert.Equal(string.Empty, stream.Append(Encoding.UTF8.GetBytes("wer> tail")));
        Assert.True(stream.Stopped);
        Assert.Equal(string.Empty, stream.Flush());
    }

    [Fact]
    public void Held_text_that_turns_out_not_to_be_a_stop_sequence_is_released()
    {
        var stream = new TextStream(["\n\n"]);

        Assert.Equal("a", stream.Append("a\n"u8));
        Assert.Equal("\nb", stream.Append("b"u8));
        Assert.Equal("c", stream.Append("c"u8) + stream.Flush());
    }
}
