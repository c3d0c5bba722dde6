package dev.mdj.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.TestServers;
import dev.mdj.server.site.Site;
import dev.mdj.server.site.SiteTable;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files over HTTP/1.1 as httpd serves them (compared with Apache 2.4.71 by hand). */
class StaticFilesTest {

    static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz";
    static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05.123456Z");
    static final String LAST_MODIFIED = "Fri, 02 Jan 2026 03:04:05 GMT";
    /** httpd's FileETag MTime Size: size and mtime in microseconds, hex. */
    static final String ETAG = "\"1a-" + Long.toHexString(ChronoUnit.MICROS.between(Instant.EPOCH, MODIFIED)) + "\"";
    static final Clock LATER = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path htdocs;
    byte[] big;

    @BeforeEach
    void files() throws IOException {
        htdocs = Files.createDirectories(dir.resolve("htdocs"));
        write("index.html", "<html>hi</html>\n");
        write("a.txt", ALPHABET);
        write("sub/x.css", "p {}\n");
        write("private/secret.txt", "secret\n");
        write("README", "read me\n");
        write("archive.tar.gz", "gz");
        big = new byte[100_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + i / 256);
        }
        Files.write(htdocs.resolve("big.bin"), big);
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside\n");
        Files.createSymbolicLink(htdocs.resolve("link-out.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(htdocs.resolve("linkdir-out"), outside);
        Files.createSymbolicLink(htdocs.resolve("link-in.txt"), htdocs.resolve("a.txt"));
        Files.createSymbolicLink(htdocs.resolve("link-private"), htdocs.resolve("private"));
    }

    private void write(String name, String content) throws IOException {
        Path file = htdocs.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.ISO_8859_1);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private Site site(String settings) {
        return SiteTable.of(TestServers.config(dir, """
                Listen 127.0.0.1:8080
                DocumentRoot "%1$s"
                <Directory "%1$s/private">
                  Require all denied
                </Directory>
                %2$s
                """.formatted(htdocs, settings))).all().get(0);
    }

    private EmbeddedChannel channel() {
        return HttpText.channel(site(""), new StaticFiles(MimeTypes.builtIn(), LATER), false);
    }

    private HttpText.Response get(String target, String... headers) {
        return request("GET", target, headers);
    }

    private HttpText.Response request(String method, String target, String... headers) {
        EmbeddedChannel channel = channel();
        try {
            return HttpText.exchange(channel, method + " " + target + " HTTP/1.1\r\nHost: example.org"
                    + (headers.length > 0 ? "\r\n" + String.join("\r\n", headers) : ""));
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void servesAFileWithHttpdsHeaders() {
        HttpText.Response response = get("/a.txt");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Last-Modified")).isEqualTo(LAST_MODIFIED);
        assertThat(response.header("ETag")).isEqualTo(ETAG);
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Length")).isEqualTo("26");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain");
        assertThat(response.header("Server")).isEqualTo("mdj");
        assertThat(response.header("Date")).isNotNull();
        assertThat(response.body()).isEqualTo(ALPHABET);
    }

    @Test
    void theEtagIsWeakWhileTheFileIsLessThanASecondOld() {
        Clock soon = Clock.fixed(MODIFIED.plusMillis(500), ZoneOffset.UTC);
        EmbeddedChannel channel = HttpText.channel(site(""), new StaticFiles(MimeTypes.builtIn(), soon), false);
        HttpText.Response response = HttpText.exchange(channel, "GET /a.txt HTTP/1.1\r\nHost: example.org");
        assertThat(response.header("ETag")).isEqualTo("W/" + ETAG);
        channel.finishAndReleaseAll();
    }

    @Test
    void contentTypeComesFromTheExtensions() {
        assertThat(get("/sub/x.css").header("Content-Type")).isEqualTo("text/css");
        assertThat(get("/archive.tar.gz").header("Content-Type")).isEqualTo("application/gzip");
        HttpText.Response unknown = get("/README");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.headers()).doesNotContainKey("content-type");
    }

    @Test
    void aDirectoryWithItsSlashGetsTheIndexFile() {
        HttpText.Response response = get("/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/html");
        assertThat(response.body()).isEqualTo("<html>hi</html>\n");
    }

    @Test
    void directoryIndexNamesAreTriedInOrder() {
        EmbeddedChannel channel = HttpText.channel(site("DirectoryIndex missing.html a.txt index.html"),
                new StaticFiles(MimeTypes.builtIn(), LATER), false);
        assertThat(HttpText.exchange(channel, "GET / HTTP/1.1\r\nHost: example.org").body()).isEqualTo(ALPHABET);
        channel.finishAndReleaseAll();
    }

    @Test
    void aDirectoryWithoutItsSlashIsRedirectedKeepingTheQuery() {
        HttpText.Response response = get("/sub?x=1");
        assertThat(response.status()).isEqualTo(301);
        assertThat(response.header("Location")).isEqualTo("http://example.org:8080/sub/?x=1");
        assertThat(response.body()).contains("The document has moved");

        EmbeddedChannel channel = channel();
        HttpText.Response named = HttpText.exchange(channel, "GET /sub HTTP/1.1\r\nHost: Example.org:80");
        assertThat(named.header("Location")).isEqualTo("http://example.org/sub/");
        channel.finishAndReleaseAll();
    }

    @Test
    void aDirectoryWithoutIndexIsForbidden() {
        HttpText.Response response = get("/sub/");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("You don't have permission to access this resource.");
    }

    @Test
    void missingThingsAreNotFound() {
        assertThat(get("/nothing.html").status()).isEqualTo(404);
        assertThat(get("/a.txt/").status()).isEqualTo(404);
        assertThat(get("/a.txt/more").status()).isEqualTo(404);
    }

    @Test
    void withoutDocumentRootNothingIsFound() {
        Site site = SiteTable.of(TestServers.config(dir, "Listen 127.0.0.1:8080\n")).all().get(0);
        EmbeddedChannel channel = HttpText.channel(site, new StaticFiles(MimeTypes.builtIn(), LATER), false);
        assertThat(HttpText.exchange(channel, "GET /a.txt HTTP/1.1\r\nHost: example.org").status()).isEqualTo(404);
        channel.finishAndReleaseAll();
    }

    @Test
    void symbolicLinksAreFollowedOnlyInsideTheRoot() {
        assertThat(get("/link-in.txt").body()).isEqualTo(ALPHABET);
        HttpText.Response out = get("/link-out.txt");
        assertThat(out.status()).isEqualTo(403);
        assertThat(out.body()).doesNotContain("outside");
        assertThat(get("/linkdir-out/secret.txt").status()).isEqualTo(403);
        assertThat(get("/linkdir-out/").status()).isEqualTo(403);
    }

    @Test
    void directoryRequireDeniesTheFilesBelow() {
        assertThat(get("/private/secret.txt").status()).isEqualTo(403);
        assertThat(get("/private/").status()).isEqualTo(403);
        assertThat(get("/private").status()).as("no redirect that reveals the directory").isEqualTo(403);
        // httpd would serve it: it matches <Directory> against the linked path only
        assertThat(get("/link-private/secret.txt").status()).isEqualTo(403);
    }

    @Test
    void theMostSpecificDirectoryDecides() {
        Site site = site("""
                <Directory "%s/private/open">
                  Require all granted
                </Directory>
                """.formatted(htdocs));
        EmbeddedChannel channel = HttpText.channel(site, new StaticFiles(MimeTypes.builtIn(), LATER), false);
        try {
            write("private/open/page.txt", "open\n");
            assertThat(HttpText.exchange(channel, "GET /private/open/page.txt HTTP/1.1\r\nHost: a").status())
                    .isEqualTo(200);
            assertThat(HttpText.exchange(channel, "GET /private/secret.txt HTTP/1.1\r\nHost: a").status())
                    .isEqualTo(403);
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void pathTricksThatReachTheResponderStayInsideTheRoot() {
        EmbeddedChannel channel = HttpText.channel(site(""), new StaticFiles(MimeTypes.builtIn(), LATER), true);
        try {
            for (String trick : new String[] {"/../outside/secret.txt", "/sub/../../outside/secret.txt",
                    "//" + dir.resolve("outside/secret.txt"), "/./a.txt"}) {
                HttpText.Response response = HttpText.exchange(channel, "GET " + trick + " HTTP/1.1\r\nHost: a");
                assertThat(response.status()).as(trick).isEqualTo(404);
                assertThat(response.body()).as(trick).doesNotContain("outside");
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void singleRangesArePartialContent() {
        HttpText.Response middle = get("/a.txt", "Range: bytes=2-4");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 2-4/26");
        assertThat(middle.header("Content-Length")).isEqualTo("3");
        assertThat(middle.header("Content-Type")).isEqualTo("text/plain");
        assertThat(middle.body()).isEqualTo("cde");
        assertThat(get("/a.txt", "Range: bytes=-3").body()).isEqualTo("xyz");
        assertThat(get("/a.txt", "Range: bytes=20-").body()).isEqualTo("uvwxyz");
        HttpText.Response past = get("/a.txt", "Range: bytes=3-2000");
        assertThat(past.header("Content-Range")).isEqualTo("bytes 3-25/26");
        assertThat(past.body()).isEqualTo(ALPHABET.substring(3));
    }

    @Test
    void aRangePastTheEndIsNotSatisfiable() {
        HttpText.Response response = get("/a.txt", "Range: bytes=26-");
        assertThat(response.status()).isEqualTo(416);
        assertThat(response.header("Content-Range")).isEqualTo("bytes */26");
        assertThat(response.body()).contains("None of the range-specifier values");
    }

    @Test
    void malformedAndMultipleRangesGetTheWholeFile() {
        for (String range : new String[] {"bytes=5-3", "bytes=1-2,4-5", "bytes=x-", "items=1-2"}) {
            HttpText.Response response = get("/a.txt", "Range: " + range);
            assertThat(response.status()).as(range).isEqualTo(200);
            assertThat(response.body()).as(range).isEqualTo(ALPHABET);
        }
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheCurrentFile() {
        assertThat(get("/a.txt", "Range: bytes=1-2", "If-Range: " + ETAG).status()).isEqualTo(206);
        assertThat(get("/a.txt", "Range: bytes=1-2", "If-Range: " + LAST_MODIFIED).status()).isEqualTo(206);
        assertThat(get("/a.txt", "Range: bytes=1-2", "If-Range: \"other\"").status()).isEqualTo(200);
        assertThat(get("/a.txt", "Range: bytes=1-2", "If-Range: W/" + ETAG).status()).isEqualTo(200);
        assertThat(get("/a.txt", "Range: bytes=1-2", "If-Range: Thu, 01 Jan 2026 00:00:00 GMT").status())
                .isEqualTo(200);
    }

    @Test
    void unchangedFilesAreNotModified() {
        for (String condition : new String[] {"If-None-Match: " + ETAG, "If-None-Match: \"x\", W/" + ETAG,
                "If-None-Match: *", "If-Modified-Since: " + LAST_MODIFIED,
                "If-Modified-Since: Mon, 05 Jan 2026 00:00:00 GMT"}) {
            HttpText.Response response = get("/a.txt", condition);
            assertThat(response.status()).as(condition).isEqualTo(304);
            assertThat(response.header("ETag")).isEqualTo(ETAG);
            assertThat(response.header("Last-Modified")).isEqualTo(LAST_MODIFIED);
            assertThat(response.headers()).doesNotContainKeys("content-length", "content-type");
            assertThat(response.body()).isEmpty();
        }
    }

    @Test
    void changedFilesAreSentInFull() {
        for (String condition : new String[] {"If-None-Match: \"other\"",
                "If-Modified-Since: Thu, 01 Jan 2026 00:00:00 GMT",
                // a date in the future is no date the client saw
                "If-Modified-Since: Mon, 01 Jan 2035 00:00:00 GMT",
                // If-None-Match decides when both are sent
                "If-None-Match: \"other\"\r\nIf-Modified-Since: " + LAST_MODIFIED,
                "If-Match: " + ETAG, "If-Unmodified-Since: " + LAST_MODIFIED}) {
            assertThat(get("/a.txt", condition).status()).as(condition).isEqualTo(200);
        }
    }

    @Test
    void failedPreconditionsAre412LikeHttpd() {
        for (String condition : new String[] {"If-Match: \"other\"", "If-Match: W/" + ETAG,
                "If-Unmodified-Since: Thu, 01 Jan 2026 00:00:00 GMT"}) {
            HttpText.Response response = get("/a.txt", condition);
            assertThat(response.status()).as(condition).isEqualTo(412);
            assertThat(response.header("ETag")).isEqualTo(ETAG);
            assertThat(response.header("Content-Length")).isEqualTo("0");
            assertThat(response.body()).isEmpty();
        }
        assertThat(request("POST", "/a.txt", "If-None-Match: " + ETAG, "Content-Length: 0").status())
                .isEqualTo(412);
    }

    @Test
    void headHasTheHeadersOfGetWithoutTheBody() {
        EmbeddedChannel channel = channel();
        try {
            for (String target : new String[] {"/a.txt", "/big.bin"}) {
                HttpText.Response get = HttpText.exchange(channel, "GET " + target + " HTTP/1.1\r\nHost: a");
                HttpText.Response head = HttpText.exchange(channel, "HEAD " + target + " HTTP/1.1\r\nHost: a");
                assertThat(head.status()).isEqualTo(200);
                assertThat(head.body()).isEmpty();
                for (String name : new String[] {"Content-Length", "Content-Type", "ETag", "Last-Modified"}) {
                    assertThat(head.header(name)).as(name).isEqualTo(get.header(name));
                }
            }
            HttpText.Response range = HttpText.exchange(channel, "HEAD /a.txt HTTP/1.1\r\nHost: a\r\nRange: bytes=1-2");
            assertThat(range.status()).isEqualTo(206);
            assertThat(range.header("Content-Length")).isEqualTo("2");
            assertThat(range.body()).isEmpty();
            // the connection is still in step after the HEAD responses
            assertThat(HttpText.exchange(channel, "GET /a.txt HTTP/1.1\r\nHost: a").body()).isEqualTo(ALPHABET);
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void postGetsTheFileAsFromHttpd() {
        HttpText.Response response = request("POST", "/a.txt", "Content-Length: 3\r\n\r\nabc");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ALPHABET);
    }

    @Test
    void otherMethodsAreNotAllowed() {
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            HttpText.Response response = request(method, "/a.txt", "Content-Length: 0");
            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
            assertThat(response.body()).contains("Method Not Allowed")
                    .contains("<p>The requested method " + method + " is not allowed for this URL.</p>");
        }
        HttpText.Response options = request("OPTIONS", "/a.txt");
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).isEqualTo("GET, HEAD, POST, OPTIONS");
        assertThat(options.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void largeFilesAreStreamed() {
        HttpText.Response response = get("/big.bin");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Length")).isEqualTo("100000");
        assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(response.headers()).doesNotContainKey("transfer-encoding");
        assertThat(response.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(big);

        HttpText.Response part = get("/big.bin", "Range: bytes=10000-99998");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body().getBytes(StandardCharsets.ISO_8859_1))
                .isEqualTo(java.util.Arrays.copyOfRange(big, 10000, 99999));
    }

    @Test
    void theConnectionClosesAfterAStreamedFileWhenTheClientAskedSo() {
        EmbeddedChannel channel = channel();
        HttpText.Response response = HttpText.exchange(channel,
                "GET /big.bin HTTP/1.1\r\nHost: a\r\nConnection: close");
        assertThat(response.header("Connection")).isEqualTo("close");
        assertThat(response.body()).hasSize(big.length);
        assertThat(channel.isOpen()).isFalse();
        channel.finishAndReleaseAll();
    }
}
