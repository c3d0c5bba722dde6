package dev.mdj.config.host;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A mod_alias {@code Redirect [status] URL-path URL} line: requests for {@code path} and below
 * are sent to {@code target} (with the rest of the path appended).
 *
 * @param status 301, 302, 303, 307, 308 or 410 ({@code gone}, which has no target)
 * @param path the URL path that is redirected, starting with {@code /}
 * @param target the absolute URL redirected to; empty for 410
 */
public record RedirectRule(int status, String path, Optional<URI> target) {

    /**
     * Parses the arguments of a Redirect line (inside {@code <Location>} the path is implied and
     * {@code locationPath} is used).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static RedirectRule parse(List<String> args, String locationPath) {
        int status = 302;
        int i = 0;
        if (args.size() >= 1 && isStatus(args.get(0)) && args.size() > (locationPath == null ? 1 : 0)) {
            status = status(args.get(0));
            i = 1;
        }
        String path = locationPath;
        if (path == null) {
            if (i >= args.size()) {
                throw new IllegalArgumentException("needs a URL path and a URL");
            }
            path = args.get(i++);
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("the URL path '" + path + "' must start with '/'");
            }
        }
        if (status == 410) {
            if (i != args.size()) {
                throw new IllegalArgumentException("'gone' takes no URL");
            }
            return new RedirectRule(status, path, Optional.empty());
        }
        if (i != args.size() - 1) {
            throw new IllegalArgumentException(i >= args.size() ? "needs the URL to redirect to"
                    : "takes [status] URL-path URL; '" + args.get(args.size() - 1) + "' is one too many");
        }
        String url = args.get(i);
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a valid URL");
        }
        if (!target.isAbsolute() || target.getHost() == null) {
            throw new IllegalArgumentException("Redirect to non-URL: '" + url
                    + "' must be an absolute URL like https://www.example.org/");
        }
        return new RedirectRule(status, path, Optional.of(target));
    }

    private static boolean isStatus(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "permanent", "temp", "seeother", "gone" -> true;
            default -> word.length() == 3 && word.chars().allMatch(Character::isDigit);
        };
    }

    private static int status(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "permanent" -> 301;
            case "temp" -> 302;
            case "seeother" -> 303;
            case "gone" -> 410;
            default -> {
                int code = Integer.parseInt(word);
                if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308
                        && code != 410) {
                    throw new IllegalArgumentException("redirect status " + code
                            + " is not supported; use 301, 302, 303, 307, 308 or 410");
                }
                yield code;
            }
        };
    }
}
