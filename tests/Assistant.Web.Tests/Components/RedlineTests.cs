using Assistant.Web.Api;
using Assistant.Web.Components.Controls;
using Bunit;

namespace Assistant.Web.Tests.Components;

public sealed class RedlineTests : ComponentTest
{
    [Fact]
    public void Deleted_text_is_struck_through_and_inserted_text_underlined_in_order()
    {
        var view = Render<Redline>(p => p.Add(r => r.Pieces, [new RedlinePiece("kept", "срок "), new RedlinePiece("deleted", "десять"), new RedlinePiece("inserted", "пятнадцать"), new RedlinePiece("kept", " дней")]));

        Assert.Equal(["SPAN", "DEL", "INS", "SPAN"], view.Find("p").Children.Select(c => c.TagName));
        Assert.Equal("срок десятьпятнадцать дней", view.Find("p").TextContent.Trim());
    }
}
