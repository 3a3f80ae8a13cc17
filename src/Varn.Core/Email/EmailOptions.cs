namespace Varn.Core.Email;

public enum EmailMode
{
    /// <summary>No e-mail: coordinators hand out survey links themselves; nothing is queued.</summary>
    Disabled,

    /// <summary>Each message is written as an .eml file to <see cref="EmailOptions.PickupDirectory"/>.</summary>
    Pickup,

    /// <summary>Each message is sent through the SMTP server of <see cref="EmailOptions.Smtp"/>.</summary>
    Smtp,
}

/// <summary>The settings under <c>Varn:Email</c> (environment variables <c>Varn__Email__…</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Varn:Email";

    public EmailMode Mode { get; set; } = EmailMode.Disabled;
    public string? PickupDirectory { get; set; }
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How often the sender looks for messages to send.</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Attempts before a message is given up (dead letter).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The address links in messages start with, e.g. https://varn.stad.example; the request's own address when unset.</summary>
    public string? PublicUrl { get; set; }

    public bool Enabled => Mode != EmailMode.Disabled;

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 587;
        public string? User { get; set; }
        public string? Password { get; set; }
        public string From { get; set; } = "Värn <varn@stad.example>";
    }
}
