using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Varn.Web.Startup;

/// <summary>The framework's model-binding messages, written for people and in Swedish.</summary>
public static class SwedishBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueIsInvalidAccessor(value => $"Värdet «{value}» är inte giltigt.");
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"Värdet «{value}» är inte giltigt för {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Ange {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Ett värde saknas.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Förfrågan saknar innehåll.");
        messages.SetValueMustNotBeNullAccessor(field => $"Ange {field}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Värdet «{value}» är inte giltigt.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"Värdet är inte giltigt för {field}.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Värdet är inte giltigt.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} ska vara ett tal.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Värdet ska vara ett tal.");
    }
}
