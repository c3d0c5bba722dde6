package dev.mdj.acme;

import dev.mdj.renew.DriveException;
import dev.mdj.renew.StatusCodes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import javax.net.ssl.SSLException;
import org.shredzone.acme4j.Problem;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeNetworkException;
import org.shredzone.acme4j.exception.AcmeRateLimitedException;
import org.shredzone.acme4j.exception.AcmeServerException;
import org.shredzone.acme4j.exception.AcmeUserActionRequiredException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns acme4j's exceptions and problem documents into {@link DriveException}s with mod_md's
 * status codes (md_acme.c's problem table; plain HTTP errors by status; curl's connect/timeout
 * mapping) and the CA's problem type, detail and subproblems verbatim.
 */
final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** mod_md's md_acme.c {@code Problems[]}: ACME error type (after {@code urn:ietf:params:}) → status. */
    private static final Map<String, Integer> STATUS_BY_TYPE = Map.ofEntries(
            Map.entry("acme:error:badcsr", StatusCodes.EINVAL),
            Map.entry("acme:error:badnonce", StatusCodes.EAGAIN),
            Map.entry("acme:error:badsignaturealgorithm", StatusCodes.EINVAL),
            Map.entry("acme:error:externalaccountrequired", StatusCodes.EINVAL),
            Map.entry("acme:error:invalidcontact", StatusCodes.BADARG),
            Map.entry("acme:error:unsupportedcontact", StatusCodes.EGENERAL),
            Map.entry("acme:error:malformed", StatusCodes.EINVAL),
            Map.entry("acme:error:ratelimited", StatusCodes.BADARG),
            Map.entry("acme:error:rejectedidentifier", StatusCodes.BADARG),
            Map.entry("acme:error:serverinternal", StatusCodes.EGENERAL),
            Map.entry("acme:error:unauthorized", StatusCodes.EACCES),
            Map.entry("acme:error:unsupportedidentifier", StatusCodes.BADARG),
            Map.entry("acme:error:useractionrequired", StatusCodes.EAGAIN),
            Map.entry("acme:error:badrevocationreason", StatusCodes.EINVAL),
            Map.entry("acme:error:caa", StatusCodes.EGENERAL),
            Map.entry("acme:error:dns", StatusCodes.EGENERAL),
            Map.entry("acme:error:connection", StatusCodes.EGENERAL),
            Map.entry("acme:error:tls", StatusCodes.EGENERAL),
            Map.entry("acme:error:incorrectresponse", StatusCodes.EGENERAL));

    private Problems() {
    }

    /** The exception for a failure while {@code activity} was going on. */
    static DriveException of(AcmeException e, String activity) {
        if (e instanceof AcmeUserActionRequiredException action) {
            DriveException d = fromProblem(action.getProblem(), null, e);
            return new DriveException(d.status(), d.problem().orElse(null), userActionDetail(action, d.detail()),
                    d.subproblems().orElse(null), null, e);
        }
        if (e instanceof AcmeServerException server) {
            Problem p = server.getProblem();
            java.time.Instant retryAfter = e instanceof AcmeRateLimitedException rl ? rl.getRetryAfter().orElse(null) : null;
            return fromProblem(p, retryAfter, e);
        }
        if (e instanceof AcmeNetworkException net) {
            Throwable cause = net.getCause();
            int status = networkStatus(cause);
            String detail = activity + ": " + (cause == null ? e.getMessage() : describe(cause));
            return new DriveException(status, null, detail, null, null, e);
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int status = StatusCodes.EGENERAL;
        if (msg.startsWith("HTTP ")) {
            status = httpStatus(parseInt(msg.substring(5).trim()));
        }
        return new DriveException(status, null, activity + ": " + msg, null, null, e);
    }

    /**
     * The CA's detail and what the admin must do: a CA that changed its terms of service answers
     * userActionRequired with a link to them (Link rel="terms-of-service") and a page to visit
     * (the problem's {@code instance}). mod_md treats it as permanent; mdj retries daily.
     */
    static String userActionDetail(AcmeUserActionRequiredException action, String detail) {
        StringBuilder text = new StringBuilder(detail);
        Optional<URI> tos = action.getTermsOfServiceUri();
        tos.ifPresent(uri -> text.append(" The CA requires you to agree to its terms of service at <").append(uri)
                .append(">. Please read the document that you find at that URL."));
        Optional<URI> instance = action.getProblem().getInstance();
        instance.ifPresent(uri -> text.append(" To go on, visit <").append(uri).append(">."));
        if (tos.isEmpty() && instance.isEmpty()) {
            text.append(" The CA requires an action of yours; it gave no link to say which.");
        }
        return text.toString();
    }

    static DriveException fromProblem(Problem p, java.time.Instant retryAfter, Throwable cause) {
        String type = p.getType().toString();
        String detail = p.getDetail().or(p::getTitle).orElse(type);
        JsonNode json = toJackson(p);
        JsonNode sub = json == null ? null : json.get("subproblems");
        int status = statusOf(type, json == null || json.get("status") == null ? 0 : json.get("status").asInt());
        return new DriveException(status, type, detail, sub, retryAfter, cause);
    }

    static int statusOf(String problemType, int httpStatus) {
        String t = problemType.toLowerCase(Locale.ROOT);
        if (t.startsWith("urn:ietf:params:")) {
            t = t.substring("urn:ietf:params:".length());
        } else if (t.startsWith("urn:")) {
            t = t.substring(4);
        }
        Integer s = STATUS_BY_TYPE.get(t);
        return s != null ? s : httpStatus(httpStatus);
    }

    static int httpStatus(int http) {
        return switch (http) {
            case 400 -> StatusCodes.EINVAL;
            case 401, 403 -> StatusCodes.EACCES;
            case 404 -> StatusCodes.ENOENT;
            case 503 -> StatusCodes.EAGAIN;
            default -> StatusCodes.EGENERAL;
        };
    }

    static int networkStatus(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof UnknownHostException || t instanceof NoRouteToHostException
                    || t instanceof UnresolvedAddressException) {
                return StatusCodes.ECONNREFUSED;
            }
            if (t instanceof HttpTimeoutException) {
                return StatusCodes.TIMEUP;
            }
            if (t instanceof SSLException) {
                return StatusCodes.ECONNABORTED;
            }
        }
        return cause instanceof IOException ? StatusCodes.ECONNREFUSED : StatusCodes.EGENERAL;
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    static JsonNode toJackson(Problem p) {
        try {
            return JSON.readTree(p.asJSON().toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.split("\\s")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
