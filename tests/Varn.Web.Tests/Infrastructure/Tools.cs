using System.Diagnostics;

namespace Varn.Web.Tests.Infrastructure;

/// <summary>The system programs the document tests use: LibreOffice to render Word files, poppler to read PDFs. test.sh installs them.</summary>
public static class Tools
{
    /// <summary>Renders a .docx with LibreOffice and returns the PDF's text, proving the file opens and lays out.</summary>
    public static async Task<string> WordToPdfTextAsync(byte[] docx)
    {
        var folder = Directory.CreateTempSubdirectory("varn-word-").FullName;
        try
        {
            var input = Path.Combine(folder, "plan.docx");
            await File.WriteAllBytesAsync(input, docx);
            var (code, output) = await RunAsync("soffice", $"-env:UserInstallation=file://{folder}/profile --headless --convert-to pdf --outdir {folder} {input}");
            var pdf = Path.Combine(folder, "plan.pdf");
            Assert.True(code == 0 && File.Exists(pdf), $"LibreOffice could not convert the Word file (exit {code}): {output}");
            var (textCode, text) = await RunAsync("pdftotext", $"{pdf} -");
            Assert.Equal(0, textCode);
            return text;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{program} is not installed. Run ./test.sh, which installs LibreOffice and poppler-utils.");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
