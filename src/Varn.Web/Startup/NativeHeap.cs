using System.Runtime.InteropServices;

namespace Varn.Web.Startup;

/// <summary>
/// How the C allocator (glibc's malloc, which the runtime and the JIT use) keeps memory, set as Värn's first step
/// (ADR 0026). By default each thread that allocates gets an arena of its own, up to sixteen on two cores, and a freed
/// block raises the size below which blocks come from an arena; freed memory in an arena stays resident. After this,
/// threads share the arenas the runtime's own threads made before <c>Main</c> (seven instead of sixteen under load), and
/// blocks of 64 KB and more, such as the JIT's working memory for a large method, are mapped on their own and given
/// back when freed.
/// </summary>
public static class NativeHeap
{
    private const int ArenaMax = -8;
    private const int MmapThreshold = -3;

    public static void Limit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            MallOpt(ArenaMax, 2);
            MallOpt(MmapThreshold, 64 * 1024);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A C library without mallopt, such as musl, which keeps no arena per thread: nothing to set.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);
}
