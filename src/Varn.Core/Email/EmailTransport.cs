using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Varn.Core.Email;

/// <summary>Hands a message over by the configured mode: an .eml file in the pickup folder, or the SMTP server.</summary>
public sealed class EmailTransport(IOptions<EmailOptions> options)
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.Smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body ?? "" };
        switch (settings.Mode)
        {
            case EmailMode.Pickup:
                var folder = settings.PickupDirectory ?? throw new InvalidOperationException("Varn:Email:PickupDirectory är inte satt.");
                Directory.CreateDirectory(folder);
                var name = $"{message.Id:D8}-{Guid.NewGuid():N}";
                var temporary = Path.Combine(folder, name + ".tmp");
                await mime.WriteToAsync(temporary, cancellationToken);
                File.Move(temporary, Path.Combine(folder, name + ".eml"));
                break;
            case EmailMode.Smtp:
                using (var client = new SmtpClient())
                {
                    await client.ConnectAsync(settings.Smtp.Host ?? throw new InvalidOperationException("Varn:Email:Smtp:Host är inte satt."), settings.Smtp.Port, SecureSocketOptions.Auto, cancellationToken);
                    if (!string.IsNullOrEmpty(settings.Smtp.User))
                    {
                        await client.AuthenticateAsync(settings.Smtp.User, settings.Smtp.Password ?? "", cancellationToken);
                    }
                    await client.SendAsync(mime, cancellationToken);
                    await client.DisconnectAsync(quit: true, cancellationToken);
                }
                break;
            default:
                throw new InvalidOperationException("E-post är avstängt (Varn:Email:Mode = Disabled).");
        }
    }
}
