package dev.mdj.config.host;

/** Port number parsing shared by the address forms. */
final class Ports {

    private Ports() {
    }

    /** {@code text} as a port 1..65535, or an exception naming {@code whole}. */
    static int parse(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("'" + whole + "' has an invalid port '" + text
                + "'; ports are numbers from 1 to 65535");
    }
}
