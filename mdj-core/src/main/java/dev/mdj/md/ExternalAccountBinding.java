package dev.mdj.md;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The External Account Binding some CAs require for new ACME accounts
 * (MDExternalAccountBinding): a key id and a base64url-encoded HMAC key. {@link #toString()}
 * never shows the HMAC key.
 *
 * @param keyId the key id ({@code kid}) the CA assigned
 * @param hmacKey the HMAC key, base64url-encoded as the CA hands it out
 */
public record ExternalAccountBinding(String keyId, String hmacKey) {

    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Checks that both values are present and the HMAC key is base64url, padded or not.
     *
     * @throws IllegalArgumentException if a value is empty or the HMAC key is not base64url
     */
    public ExternalAccountBinding {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hmacKey, "hmacKey");
        if (keyId.isEmpty()) {
            throw new IllegalArgumentException("the EAB key id must not be empty");
        }
        if (hmacKey.isEmpty()) {
            throw new IllegalArgumentException("the EAB hmac key must not be empty");
        }
        if (!isBase64Url(hmacKey)) {
            throw new IllegalArgumentException("the EAB hmac key is not base64url encoded");
        }
    }

    /**
     * Parses the arguments of MDExternalAccountBinding: {@code none} (binding explicitly disabled,
     * giving an empty result), the path of a JSON file with {@code kid} and {@code hmac}, or the
     * key id and the HMAC key themselves.
     *
     * @param resolvePath turns the configured file name into the path to read
     * @throws IllegalArgumentException if the arguments or the file do not hold a binding
     */
    public static Optional<ExternalAccountBinding> parse(List<String> args, Function<String, Path> resolvePath) {
        return switch (args.size()) {
            case 1 -> args.getFirst().equalsIgnoreCase("none")
                    ? Optional.empty()
                    : Optional.of(fromFile(resolvePath.apply(args.getFirst())));
            case 2 -> Optional.of(new ExternalAccountBinding(args.get(0), args.get(1)));
            default -> throw new IllegalArgumentException(
                    "takes 'none', a JSON file, or the two values key-id and hmac");
        };
    }

    @Override
    public String toString() {
        return "ExternalAccountBinding[kid=" + keyId + ", hmac=***]";
    }

    private static ExternalAccountBinding fromFile(Path file) {
        JsonNode root = parseJson(file, read(file));
        String keyId = nonEmptyString(root, "kid");
        String hmacKey = nonEmptyString(root, "hmac");
        if (keyId == null || hmacKey == null) {
            throw new IllegalArgumentException("EAB file '" + file + "' needs non-empty \"kid\" and \"hmac\" values");
        }
        return new ExternalAccountBinding(keyId, hmacKey);
    }

    private static byte[] read(Path file) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read EAB file '" + file + "': " + reason(e), e);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("cannot read EAB file '" + file + "': it is larger than 64 KiB");
        }
        return content;
    }

    /**
     * Parses {@code content}. The message names only the position of a syntax error: Jackson's own
     * text may quote a token, and a token here may be the secret.
     */
    private static JsonNode parseJson(Path file, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException("EAB file '" + file + "' is not valid JSON: syntax error" + position);
        }
        if (root.isMissingNode()) {
            throw new IllegalArgumentException("EAB file '" + file + "' is not valid JSON: it is empty");
        }
        return root;
    }

    private static String nonEmptyString(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    private static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file";
            case AccessDeniedException denied -> "permission denied";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        };
    }

    private static boolean isBase64Url(String text) {
        try {
            Base64.getUrlDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException notBase64Url) {
            return false;
        }
    }
}
