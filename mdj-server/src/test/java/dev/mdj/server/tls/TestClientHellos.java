package dev.mdj.server.tls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * ClientHellos as bytes on the wire: real ones from the JDK's TLS client, and hand-made ones for
 * what no proper client sends (an empty or non-ASCII server name, a hello larger than 16 KiB).
 */
public final class TestClientHellos {

    private static final int MAX_RECORD = 16 * 1024;

    private TestClientHellos() {
    }

    /**
     * The first flight of a JDK client: its ClientHello record.
     *
     * @param serverName the SNI name, or null for none
     * @param protocols the ALPN offer
     * @param signatureSchemes the signature schemes (JDK names), or null for the JDK's default
     * @param versions the TLS versions offered ({@code TLSv1.3}, {@code TLSv1.2})
     */
    public static byte[] jdk(String serverName, List<String> protocols, String[] signatureSchemes, String... versions) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
            parameters.setApplicationProtocols(protocols.toArray(String[]::new));
            if (signatureSchemes != null) {
                parameters.setSignatureSchemes(signatureSchemes);
            }
            parameters.setProtocols(versions);
            engine.setSSLParameters(parameters);
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            return Arrays.copyOf(out.array(), out.position());
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A TLS 1.2 ClientHello made by hand with {@code serverName} as the SNI bytes (none when null)
     * and {@code protocols} as the ALPN offer, split into records of at most 16 KiB.
     */
    public static byte[] handMade(byte[] serverName, List<String> protocols) {
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        if (serverName != null) {
            extension(extensions, 0, u16(concat(new byte[] {0}, u16(serverName))));
        }
        extension(extensions, 10, u16(new byte[] {0x00, 0x17, 0x00, 0x1d}));
        extension(extensions, 11, new byte[] {1, 0});
        extension(extensions, 13, u16(new byte[] {0x04, 0x03, 0x08, 0x04, 0x04, 0x01}));
        if (!protocols.isEmpty()) {
            ByteArrayOutputStream ids = new ByteArrayOutputStream();
            for (String protocol : protocols) {
                ids.write(protocol.length());
                ids.writeBytes(protocol.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            extension(extensions, 16, u16(ids.toByteArray()));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x03, 0x03});
        body.writeBytes(new byte[32]); // random
        body.write(0); // session id
        body.writeBytes(u16(new byte[] {(byte) 0xc0, 0x2f, (byte) 0xc0, 0x2b}));
        body.writeBytes(new byte[] {1, 0}); // compression: null
        body.writeBytes(u16(extensions.toByteArray()));
        byte[] handshake = concat(new byte[] {1, (byte) (body.size() >> 16), (byte) (body.size() >> 8),
                (byte) body.size()}, body.toByteArray());
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int from = 0; from < handshake.length; from += MAX_RECORD) {
            records.writeBytes(new byte[] {0x16, 0x03, 0x01});
            records.writeBytes(u16(Arrays.copyOfRange(handshake, from, Math.min(handshake.length, from + MAX_RECORD))));
        }
        return records.toByteArray();
    }

    /** The ClientHello body of a one-record hello, as {@link ClientHello#parse} takes it. */
    public static ByteBuf body(byte[] record) {
        return Unpooled.wrappedBuffer(record, 9, record.length - 9);
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        out.writeBytes(new byte[] {(byte) (type >> 8), (byte) type});
        out.writeBytes(u16(data));
    }

    private static byte[] u16(byte[] data) {
        return concat(new byte[] {(byte) (data.length >> 8), (byte) data.length}, data);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
