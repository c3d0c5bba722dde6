package dev.mdj.server.tls;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the server needs from a TLS ClientHello to choose a certificate: the server name (SNI),
 * the offered application protocols (ALPN), the signature schemes and cipher suites (whether an
 * ECDSA certificate will do) and whether TLS 1.3 is offered.
 *
 * @param serverName the SNI host name, lower-case, or empty
 * @param protocols the ALPN protocol ids offered, in order
 * @param signatureSchemes the signature_algorithms code points
 * @param cipherSuites the cipher suite code points
 * @param tls13 whether supported_versions offers TLS 1.3
 */
public record ClientHello(String serverName, List<String> protocols, List<Integer> signatureSchemes,
        List<Integer> cipherSuites, boolean tls13) {

    public static final String ACME_TLS_1 = "acme-tls/1";

    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_SIGNATURE_ALGORITHMS = 13;
    private static final int EXT_ALPN = 16;
    private static final int EXT_SUPPORTED_VERSIONS = 43;
    private static final int TLS13 = 0x0304;
    private static final int ECDSA_P256_SHA256 = 0x0403;
    private static final int ECDSA_P384_SHA384 = 0x0503;
    private static final int ECDSA_P521_SHA512 = 0x0603;
    private static final int ECDSA_SHA1 = 0x0203;

    public ClientHello {
        protocols = List.copyOf(protocols);
        signatureSchemes = List.copyOf(signatureSchemes);
        cipherSuites = List.copyOf(cipherSuites);
    }

    /**
     * Parses a ClientHello handshake body (without the record and handshake headers).
     *
     * @throws IllegalArgumentException if it is cut short or malformed
     */
    public static ClientHello parse(ByteBuf body) {
        try {
            return read(body.duplicate());
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated ClientHello", e);
        }
    }

    private static ClientHello read(ByteBuf in) {
        in.skipBytes(2 + 32); // legacy_version, random
        in.skipBytes(in.readUnsignedByte()); // session id
        List<Integer> suites = u16List(in.readSlice(in.readUnsignedShort()));
        in.skipBytes(in.readUnsignedByte()); // compression methods
        String serverName = "";
        List<String> protocols = List.of();
        List<Integer> schemes = List.of();
        boolean tls13 = false;
        if (in.isReadable()) {
            ByteBuf extensions = in.readSlice(in.readUnsignedShort());
            while (extensions.isReadable()) {
                int type = extensions.readUnsignedShort();
                ByteBuf data = extensions.readSlice(extensions.readUnsignedShort());
                switch (type) {
                    case EXT_SERVER_NAME -> serverName = serverName(data);
                    case EXT_ALPN -> protocols = protocols(data);
                    case EXT_SIGNATURE_ALGORITHMS -> schemes = u16List(data.readSlice(data.readUnsignedShort()));
                    case EXT_SUPPORTED_VERSIONS -> tls13 = u16List(data.readSlice(data.readUnsignedByte())).contains(TLS13);
                    default -> { }
                }
            }
        }
        return new ClientHello(serverName, protocols, schemes, suites, tls13);
    }

    private static String serverName(ByteBuf data) {
        ByteBuf list = data.readSlice(data.readUnsignedShort());
        while (list.isReadable()) {
            int type = list.readUnsignedByte();
            ByteBuf name = list.readSlice(list.readUnsignedShort());
            if (type == 0) {
                return name.toString(StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static List<String> protocols(ByteBuf data) {
        ByteBuf list = data.readSlice(data.readUnsignedShort());
        List<String> ids = new ArrayList<>();
        while (list.isReadable()) {
            ids.add(list.readSlice(list.readUnsignedByte()).toString(StandardCharsets.US_ASCII));
        }
        return ids;
    }

    private static List<Integer> u16List(ByteBuf data) {
        List<Integer> values = new ArrayList<>(data.readableBytes() / 2);
        while (data.readableBytes() >= 2) {
            values.add(data.readUnsignedShort());
        }
        return values;
    }

    /** Whether the client asks for the tls-alpn-01 challenge certificate. */
    public boolean wantsAcmeTls() {
        return protocols.contains(ACME_TLS_1);
    }

    /**
     * Whether the client can verify an ECDSA certificate on {@code jcaCurve} ({@code secp256r1},
     * {@code secp384r1}, {@code secp521r1}): TLS 1.3 binds the curve to the signature scheme;
     * TLS 1.2 needs an ECDHE_ECDSA suite and any ECDSA scheme (or no signature_algorithms at all).
     */
    public boolean acceptsEcdsa(String jcaCurve) {
        int scheme = switch (jcaCurve) {
            case "secp384r1" -> ECDSA_P384_SHA384;
            case "secp521r1" -> ECDSA_P521_SHA512;
            default -> ECDSA_P256_SHA256;
        };
        if (tls13 && signatureSchemes.contains(scheme)) {
            return true;
        }
        boolean ecdsaSuite = cipherSuites.stream().anyMatch(CipherSuites::isEcdheEcdsa);
        boolean ecdsaScheme = signatureSchemes.isEmpty() || signatureSchemes.stream()
                .anyMatch(s -> s == ECDSA_P256_SHA256 || s == ECDSA_P384_SHA384 || s == ECDSA_P521_SHA512
                        || s == ECDSA_SHA1);
        return ecdsaSuite && ecdsaScheme;
    }
}
