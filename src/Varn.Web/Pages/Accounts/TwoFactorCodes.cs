using System.Text;
using QRCoder;

namespace Varn.Web.Pages.Accounts;

/// <summary>What an authenticator app needs: the key in readable groups, the otpauth address, and that address as a QR code drawn here.</summary>
public static class TwoFactorCodes
{
    /// <summary>A typed code without the spaces and dashes people add: "123 456" → "123456".</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>"ABCDEFGH…" → "abcd efgh …", as apps show and people type it.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The key URI format the authenticator apps read (issuer Värn, the account's e-mail as its name).</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString("Värn")}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString("Värn")}&digits=6";

    /// <summary>The QR code as an SVG data address for an img element: drawn on the server, no external service.</summary>
    public static string QrImage(string uri)
    {
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
    }
}
