package dev.mdj.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.http.TestExchanges;
import dev.mdj.server.site.Site;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as text through the handlers of a real connection (codec, keep-alive, chunked
 * writes) and a responder, on an EmbeddedChannel.
 */
final class HttpText {

    /** A response taken apart: status, headers by lower-case name, body as ISO-8859-1 text. */
    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private HttpText() {
    }

    static EmbeddedChannel channel(Site site, StaticFiles files, boolean rawPaths) {
        return new EmbeddedChannel(new HttpServerCodec(), new HttpServerKeepAliveHandler(), new ChunkedWriteHandler(),
                TestExchanges.router(site, files, false, rawPaths));
    }

    /** Sends {@code request} (head lines without the final blank line) and reads the one response. */
    static Response exchange(EmbeddedChannel channel, String request) {
        channel.writeInbound(Unpooled.copiedBuffer(request + "\r\n\r\n", StandardCharsets.ISO_8859_1));
        channel.runPendingTasks();
        StringBuilder text = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            text.append(out.toString(StandardCharsets.ISO_8859_1));
            out.release();
        }
        return parse(text.toString());
    }

    static Response parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("a complete response head in %s", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }
}
