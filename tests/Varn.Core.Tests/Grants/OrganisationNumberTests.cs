using Varn.Core.Grants;

namespace Varn.Core.Tests.Grants;

public class OrganisationNumberTests
{
    [Theory]
    [InlineData("802000-0009", "802000-0009")]
    [InlineData("8024140009", "802414-0009")]
    [InlineData(" 556036-0793 ", "556036-0793")]
    [InlineData("802013\u20130004", "802013-0004")]
    public void AValidNumber_IsAcceptedInItsUsualForm(string raw, string expected) =>
        Assert.Equal((expected, (string?)null), OrganisationNumber.Check(raw));

    [Theory]
    [InlineData("000101-2384")] // Skatteverket's test personal identity number 200001012384, in its ten-digit form
    [InlineData("0001012384")]
    [InlineData("000102-2383")]
    public void APersonalIdentityNumber_IsRefusedAsOne(string raw)
    {
        var (number, error) = OrganisationNumber.Check(raw);
        Assert.Null(number);
        Assert.Contains("personnummer", error);
    }

    [Theory]
    [InlineData("", "Ange")]
    [InlineData("802000-0008", "kontrollsiffran")]
    [InlineData("80200-0009", "tio siffror")]
    [InlineData("802000-00091", "tio siffror")]
    [InlineData("80200O-0009", "tio siffror")]
    [InlineData("20200001012384", "tio siffror")]
    public void AMalformedNumber_IsRefusedWithTheReason(string raw, string reason) =>
        Assert.Contains(reason, OrganisationNumber.Check(raw).Error);
}
