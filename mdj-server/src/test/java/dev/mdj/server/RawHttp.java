package dev.mdj.server;

import dev.mdj.testing.TestTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** HTTP/1.x exactly as written, over plain or TLS sockets: for checking responses byte by byte. */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends {@code request} on a new plain connection and returns everything until the server closes. */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return exchange(socket, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #exchange(int, String)} over TLS with SNI {@code serverName}, accepting any certificate. */
    public static String exchangeTls(int port, String serverName, String request) {
        try (SSLSocket socket = tlsSocket(port, serverName)) {
            return exchange(socket, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The certificate chain served for {@code serverName}. */
    public static X509Certificate[] servedChain(int port, String serverName) {
        try (SSLSocket socket = tlsSocket(port, serverName)) {
            socket.startHandshake();
            return (X509Certificate[]) socket.getSession().getPeerCertificates();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line of a raw answer, e.g. {@code HTTP/1.1 200 OK}. */
    public static String statusLine(String answer) {
        return answer.substring(0, answer.indexOf("\r\n"));
    }

    /** The value of the first header field {@code name} (lower case) in a raw answer, or null. */
    public static String header(String answer, String name) {
        for (String line : answer.substring(0, answer.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.toLowerCase().startsWith(name + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** Everything after the header of a raw answer. */
    public static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    static SSLSocket tlsSocket(int port, String serverName) throws IOException {
        return tlsSocket(port, serverName, "http/1.1");
    }

    /** A TLS socket offering {@code protocol} by ALPN ("h2", "http/1.1"). */
    static SSLSocket tlsSocket(int port, String serverName, String protocol) throws IOException {
        SSLContext context = TestTls.trustingAnything();
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(serverName)));
        parameters.setApplicationProtocols(new String[] {protocol});
        socket.setSSLParameters(parameters);
        return socket;
    }

    private static String exchange(Socket socket, String request) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the response: what was read counts
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
