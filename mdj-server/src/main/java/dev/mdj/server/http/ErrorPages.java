package dev.mdj.server.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The HTML bodies of error and redirect responses, in httpd's words and layout, so that
 * clients and monitoring that look at them see what they saw from Apache.
 */
final class ErrorPages {

    private ErrorPages() {
    }

    /**
     * @param detail what httpd puts into the text: the location of a redirect, the method of
     *     a 405; null otherwise
     */
    static String page(HttpResponseStatus status, String detail) {
        String title = status.code() + " " + status.reasonPhrase();
        return "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" \"http://www.w3.org/TR/html4/strict.dtd\">\n"
                + "<html><head>\n<title>" + title + "</title>\n</head><body>\n<h1>" + status.reasonPhrase()
                + "</h1>\n<p>" + text(status.code(), detail) + "</p>\n</body></html>\n";
    }

    private static String text(int code, String detail) {
        return switch (code) {
            case 301, 302, 303, 307, 308 -> "The document has moved <a href=\"" + escape(detail) + "\">here</a>.";
            case 400 -> "Your browser sent a request that this server could not understand.<br />";
            case 403 -> "You don't have permission to access this resource.";
            case 404 -> "The requested URL was not found on this server.";
            case 405 -> "The requested method " + escape(detail) + " is not allowed for this URL.";
            case 408 -> "Server timeout waiting for the HTTP request from the client.";
            case 410 -> "The requested resource is no longer available on this server and there is no forwarding"
                    + " address.\nPlease remove all references to this resource.";
            case 413 -> "The requested resource does not allow request data with this request, or the amount of data"
                    + " provided in\nthe request exceeds the capacity limit.";
            case 414 -> "The requested URL's length exceeds the capacity\nlimit for this server.<br />";
            case 416 -> "None of the range-specifier values in the Range\nrequest-header field overlap the current"
                    + " extent\nof the selected resource.";
            case 431 -> "Your browser sent a request with header fields that are too large.";
            case 502 -> "The proxy server received an invalid\nresponse from an upstream server.<br />";
            case 503 -> "The server is temporarily unable to service your\nrequest due to maintenance downtime or"
                    + " capacity\nproblems. Please try again later.";
            case 504 -> "The gateway did not receive a timely response\nfrom the upstream server or application.";
            default -> "The server encountered an internal error or\nmisconfiguration and was unable to complete\n"
                    + "your request.";
        };
    }

    /** The HTML escaping httpd applies to what it quotes in a page. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
