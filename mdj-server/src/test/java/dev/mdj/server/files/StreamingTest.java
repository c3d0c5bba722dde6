package dev.mdj.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.TestServers;
import dev.mdj.server.http.TestExchanges;
import dev.mdj.server.site.Site;
import dev.mdj.server.site.SiteTable;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large files over h2 streams, and the file closed when the client goes away mid-way. */
class StreamingTest {

    @TempDir
    Path dir;
    Path file;
    byte[] content;
    Site site;

    @BeforeEach
    void setUp() throws IOException {
        Path htdocs = Files.createDirectories(dir.resolve("htdocs"));
        content = new byte[3 * StaticFiles.CHUNK + 123];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        file = Files.write(htdocs.resolve("big.bin"), content);
        site = SiteTable.of(TestServers.config(dir, "Listen 127.0.0.1:8443\nDocumentRoot \"" + htdocs + "\"\n"))
                .all().get(0);
    }

    @Test
    void anH2StreamGetsHeadersThenDataEndingTheStream() {
        EmbeddedChannel stream = new EmbeddedChannel(new Http2StreamFrameToHttpObjectCodec(true),
                new ChunkedWriteHandler(), TestExchanges.router(site, new StaticFiles(MimeTypes.builtIn()), true, false));
        stream.writeInbound(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("GET").path("/big.bin")
                .scheme("https").authority("example.org"), true));
        Http2HeadersFrame headers = stream.readOutbound();
        assertThat(headers.headers().status().toString()).isEqualTo("200");
        assertThat(headers.headers().get("content-length").toString()).isEqualTo(String.valueOf(content.length));
        assertThat(headers.headers().contains("connection")).isFalse();
        assertThat(headers.isEndStream()).isFalse();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Object frame;
        Http2DataFrame last = null;
        while ((frame = stream.readOutbound()) != null) {
            last = (Http2DataFrame) frame;
            byte[] bytes = new byte[last.content().readableBytes()];
            last.content().readBytes(bytes);
            body.writeBytes(bytes);
            last.release();
        }
        assertThat(last).isNotNull();
        assertThat(last.isEndStream()).isTrue();
        assertThat(body.toByteArray()).isEqualTo(content);
        assertThat(openDescriptors()).isZero();
        stream.finishAndReleaseAll();
    }

    @Test
    void headOverH2EndsTheStreamWithTheHeaders() {
        EmbeddedChannel stream = new EmbeddedChannel(new Http2StreamFrameToHttpObjectCodec(true),
                new ChunkedWriteHandler(), TestExchanges.router(site, new StaticFiles(MimeTypes.builtIn()), true, false));
        stream.writeInbound(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().method("HEAD").path("/big.bin")
                .scheme("https").authority("example.org"), true));
        Http2HeadersFrame headers = stream.readOutbound();
        assertThat(headers.headers().get("content-length").toString()).isEqualTo(String.valueOf(content.length));
        Object rest = stream.readOutbound();
        assertThat(headers.isEndStream() || rest instanceof Http2DataFrame data && data.isEndStream()
                && data.content().readableBytes() == 0).isTrue();
        ReferenceCountUtil.release(rest);
        stream.finishAndReleaseAll();
    }

    @Test
    void theFileIsClosedWhenTheClientGoesAwayMidway() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof HttpContent && !(msg instanceof FullHttpResponse)) {
                    // the peer is gone when the first piece of the body is written
                    ReferenceCountUtil.release(msg);
                    promise.setFailure(new ClosedChannelException());
                    ctx.close();
                    return;
                }
                ctx.write(msg, promise);
            }
        }, new ChunkedWriteHandler(), TestExchanges.router(site, new StaticFiles(MimeTypes.builtIn()), false, false));
        channel.writeInbound(Unpooled.copiedBuffer("GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.US_ASCII));
        channel.runPendingTasks();
        assertThat(channel.isOpen()).isFalse();
        assertThat(openDescriptors()).isZero();
        channel.finishAndReleaseAll();
    }

    @Test
    void theFileIsClosedWhenTheClientLeftBeforeTheResponse() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new ChunkedWriteHandler(),
                TestExchanges.router(site, new StaticFiles(MimeTypes.builtIn()), false, false));
        ByteBuf request = Unpooled.copiedBuffer("GET /big.bin HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.US_ASCII);
        channel.close();
        channel.pipeline().fireChannelRead(request);
        channel.runPendingTasks();
        assertThat(openDescriptors()).isZero();
        channel.finishAndReleaseAll();
    }

    /** How many descriptors of this process are open on the served file (Linux). */
    private long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            Path real = file.toRealPath();
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
