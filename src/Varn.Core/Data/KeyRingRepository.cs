using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Varn.Core.Data;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery tokens) in Värn's database, shared by every instance, as
/// EF Core's own repository keeps it. The difference is the read: the host reads the ring when it starts, and it does
/// so with plain SQL (<see cref="StartupReads"/>). New keys, one every 90 days, are written through the context. A
/// row that is not XML is logged and left out, as EF Core's repository does, so that one bad row does not stop sign-in.
/// </summary>
public sealed class KeyRingRepository(IServiceProvider services, ILogger<KeyRingRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        var (table, xml) = db.Names<DataProtectionKey>(nameof(DataProtectionKey.Xml));
        return db.Database.ReadText($"SELECT {xml} FROM {table}")
            .Where(text => text.Length > 0)
            .Select(Parse)
            .OfType<XElement>()
            .ToList();
    }

    private XElement? Parse(string xml)
    {
        try
        {
            return XElement.Parse(xml);
        }
        catch (XmlException exception)
        {
            logger.LogWarning(exception, "A data-protection key in the database is not XML and is left out of the key ring.");
            return null;
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VarnDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
