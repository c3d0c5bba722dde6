package dev.mdj.server.tls;

import dev.mdj.ocsp.Staple;
import dev.mdj.server.site.Site;
import dev.mdj.server.site.SiteTable;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslClientHelloHandler;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a connection's ClientHello before any TLS is spoken and puts the right TLS handler in
 * its place: the site by SNI on this address, its certificate by key type, or the tls-alpn-01
 * challenge certificate when {@code acme-tls/1} is offered. The ClientHello is parsed here
 * because the certificate callbacks of the TLS stack do not know the ALPN offer yet.
 */
public final class HelloRouter extends SslClientHelloHandler<Selection> {

    private static final Logger LOG = LoggerFactory.getLogger(HelloRouter.class);

    /** The ClientHello as read, for the handlers that come after. */
    public static final AttributeKey<ClientHello> HELLO = AttributeKey.valueOf("mdj.clientHello");

    /** A ClientHello is a few hundred bytes; post-quantum key shares make it a few KiB. */
    private static final int MAX_HELLO = 16 * 1024;
    private static final long HANDSHAKE_TIMEOUT_SECONDS = 10;

    private final SiteTable sites;
    private final CertificateBook book;

    public HelloRouter(SiteTable sites, CertificateBook book) {
        super(MAX_HELLO);
        this.sites = sites;
        this.book = book;
    }

    @Override
    protected Future<Selection> lookup(ChannelHandlerContext ctx, ByteBuf body) {
        if (body == null) {
            return ctx.executor().newFailedFuture(new IllegalArgumentException("not a TLS ClientHello"));
        }
        ClientHello hello;
        try {
            hello = ClientHello.parse(body);
        } catch (IllegalArgumentException e) {
            return ctx.executor().newFailedFuture(e);
        }
        ctx.channel().attr(HELLO).set(hello);
        InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
        Site site = sites.select(local.getAddress(), local.getPort(), hello.serverName());
        CompletableFuture<Selection> selected = book.select(site, hello);
        if (selected.isDone() && !selected.isCompletedExceptionally()) {
            return ctx.executor().newSucceededFuture(selected.join());
        }
        Promise<Selection> promise = ctx.executor().newPromise();
        selected.whenComplete((context, error) -> {
            if (error != null) {
                promise.tryFailure(error);
            } else {
                promise.trySuccess(context);
            }
        });
        return promise;
    }

    /** A ClientHello that cannot be read (larger than 16 KiB, not TLS): closed without a word. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: closing, unreadable ClientHello: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    /**
     * Sets the certificate's OCSP staple on the engine, from memory: a handshake never waits for
     * a responder. Only BoringSSL engines staple (their contexts are built with OCSP enabled).
     */
    private static void staple(SslHandler handler, Staple staple) {
        byte[] response = staple.current();
        if (response != null && handler.engine() instanceof ReferenceCountedOpenSslEngine engine) {
            engine.setOcspResponse(response);
        }
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, Future<Selection> future) {
        if (ctx.isRemoved()) {
            return; // the client left while its certificate was being loaded
        }
        if (!future.isSuccess()) {
            LOG.debug("{}: closing, no TLS for this connection: {}", ctx.channel().remoteAddress(),
                    future.cause().getMessage());
            ctx.close();
            return;
        }
        Selection selection = future.getNow();
        SslHandler handler = selection.context().newHandler(ctx.alloc());
        handler.setHandshakeTimeout(HANDSHAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        staple(handler, selection.staple());
        ctx.pipeline().replace(this, "ssl", handler);
    }
}
