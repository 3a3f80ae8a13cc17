namespace Varn.Web.Tests.Infrastructure;

/// <summary>The repository the tests run from: the folder above the test assembly that holds <c>Varn.slnx</c>.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Varn.slnx")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Varn.slnx is not above the test assembly.");
    }
}
