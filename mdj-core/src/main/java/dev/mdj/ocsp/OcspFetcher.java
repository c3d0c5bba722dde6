package dev.mdj.ocsp;

import dev.mdj.md.HttpProxies;
import dev.mdj.renew.StatusCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks OCSP responders over HTTP as mod_md does: a POST of the DER request as
 * {@code application/ocsp-request} to the responder URL, through MDHttpProxy when set, at most
 * {@value #MAX_PARALLEL} at a time (further callers wait for a turn).
 */
public final class OcspFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(OcspFetcher.class);

    /** mod_md's limit of responders asked at the same time. */
    public static final int MAX_PARALLEL = 6;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** An OCSP response is a few KiB; a responder sending more is not one. */
    private static final int MAX_RESPONSE = 256 * 1024;

    private final HttpClient client;
    private final Semaphore turns = new Semaphore(MAX_PARALLEL);

    /** @param proxy MDHttpProxy, if set */
    public OcspFetcher(Optional<URI> proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL);
        proxy.ifPresent(p -> {
            builder.proxy(HttpProxies.selector(p));
            HttpProxies.authenticator(p).ifPresent(builder::authenticator);
        });
        this.client = builder.build();
    }

    /**
     * The responder's answer to {@code request}.
     *
     * @throws OcspException if the responder cannot be reached or does not answer 200 with a body
     */
    public byte[] fetch(URI responder, byte[] request) throws OcspException {
        HttpRequest post = HttpRequest.newBuilder(responder).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        turns.acquireUninterruptibly();
        try {
            HttpResponse<byte[]> response = send(post);
            if (response.statusCode() != 200) {
                throw new OcspException(StatusCodes.EINVAL, "the OCSP responder " + responder + " answered HTTP "
                        + response.statusCode());
            }
            byte[] body = response.body();
            if (body.length == 0 || body.length > MAX_RESPONSE) {
                throw new OcspException(StatusCodes.EINVAL, "the OCSP responder " + responder + " sent "
                        + body.length + " bytes");
            }
            return body;
        } catch (HttpTimeoutException e) {
            throw new OcspException(StatusCodes.TIMEUP, "the OCSP responder " + responder + " did not answer in time", e);
        } catch (ConnectException e) {
            throw new OcspException(StatusCodes.ECONNREFUSED, "cannot connect to the OCSP responder " + responder, e);
        } catch (IOException e) {
            throw new OcspException(StatusCodes.ECONNABORTED, "asking the OCSP responder " + responder + " failed: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcspException(StatusCodes.EGENERAL, "interrupted while asking " + responder, e);
        } finally {
            turns.release();
        }
    }

    /**
     * Sends {@code post}, once more when the connection broke under it. The JDK's client pools
     * a connection unless the response says {@code Connection: close}; responders that answer
     * HTTP/1.0 and close (openssl ocsp does) leave a dead connection in the pool, and the next
     * request (the certificates of one domain are fetched one after another) may go out on it.
     * An OCSP request can be repeated; a refused connect or a timeout is not retried.
     */
    private HttpResponse<byte[]> send(HttpRequest post) throws IOException, InterruptedException {
        try {
            return client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException | ConnectException e) {
            throw e;
        } catch (IOException e) {
            LOG.debug("{}: {}; asking once more", post.uri(), e.toString());
            return client.send(post, HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
