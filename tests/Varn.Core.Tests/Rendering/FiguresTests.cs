using Varn.Core.Rendering;

namespace Varn.Core.Tests.Rendering;

public class FiguresTests
{
    [Theory]
    [InlineData(12.5, " %", "12,5 %")]
    [InlineData(12.0, " %", "12 %")]
    [InlineData(66.666, " %", "66,7 %")]
    [InlineData(1234.56, "", "1234,6")]
    public void A_share_has_at_most_one_decimal_and_a_decimal_comma(double value, string suffix, string expected)
    {
        Assert.Equal(expected, Figures.Share(value, suffix));
        Assert.Equal(expected, Figures.Share((decimal)value, suffix));
    }

    [Fact]
    public void No_value_is_a_dash_without_the_suffix()
    {
        Assert.Equal("–", Figures.Share((decimal?)null, " %"));
        Assert.Equal("–", Figures.Rate(null));
        Assert.Equal("–", Figures.Value(null));
    }

    [Theory]
    [InlineData(3.0, "3,0")]
    [InlineData(0.04, "0,0")]
    [InlineData(12.26, "12,3")]
    public void A_rate_always_has_one_decimal(double value, string expected) => Assert.Equal(expected, Figures.Rate(value));

    // Swedish writes a minus sign (U+2212), not a hyphen.
    [Theory]
    [InlineData("0.25", "0,25")]
    [InlineData("40", "40")]
    [InlineData("-1.5", "\u22121,5")]
    public void An_indicator_value_keeps_up_to_two_decimals(string value, string expected) =>
        Assert.Equal(expected, Figures.Value(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
