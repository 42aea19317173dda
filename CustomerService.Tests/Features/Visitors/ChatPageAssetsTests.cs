using System.Net;
using System.Text.RegularExpressions;
using CustomerService.Tests.Infrastructure;

namespace CustomerService.Tests.Features.Visitors;

/// <summary>
/// The visitor chat page is plain HTML plus native ES modules (no bundler). A module is only run by the browser when it
/// comes with a JavaScript content type, and widget.js opens the page by its plain, unversioned URL, so every file of
/// the module graph must revalidate (no-cache + ETag) for a deployment to be picked up without a stale mix of modules.
/// </summary>
public sealed partial class ChatPageAssetsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_chat_page_loads_its_script_as_a_module()
    {
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/visitor/chat.html");

        Assert.Contains("<script type=\"module\" src=\"chat/main.js\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_module_the_chat_page_imports_is_served_as_javascript_that_revalidates()
    {
        using var client = app.CreateClient();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(["/visitor/chat/main.js"]);

        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoCache, $"{path} must revalidate: {response.Headers.CacheControl}");
            Assert.NotNull(response.Headers.ETag);

            var script = await response.Content.ReadAsStringAsync();
            foreach (Match import in ImportPattern().Matches(script))
            {
                pending.Enqueue(new Uri(new Uri("http://localhost" + path), import.Groups["path"].Value).AbsolutePath);
            }
        }

        // The page's concerns, one module each (SPEC E2); a missing one would be a broken import in the browser.
        Assert.True(seen.Count >= 15, string.Join(", ", seen));
    }

    [GeneratedRegex("""^import [^;]* from "(?<path>\./[\w-]+\.js)";""", RegexOptions.Multiline)]
    private static partial Regex ImportPattern();
}
