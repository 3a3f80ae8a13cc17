using Microsoft.AspNetCore.Identity;

namespace Varn.Core.Accounts;

/// <summary>Identity's account and password messages, in Swedish.</summary>
public sealed class SwedishIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Lösenordet ska ha minst {length} tecken." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Lösenordet ska innehålla minst {uniqueChars} olika tecken." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Det finns redan ett konto med e-postadressen {email}." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Det finns redan ett konto med e-postadressen {userName}." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"«{email}» är inte en giltig e-postadress." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"«{userName}» kan inte användas som användarnamn." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "Fel lösenord." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "Kontot har ändrats av någon annan. Ladda om sidan och försök igen." };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "Något gick fel med kontot." };
}
