package dev.mdj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free loopback ports, found by binding port 0. The ports are released before they are
 * returned, so another process could take one in between; with the kernel's ephemeral port
 * rotation that is rare enough for tests.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code n} distinct ports free for TCP and UDP on 127.0.0.1. */
    public static int[] find(int n) {
        List<ServerSocket> held = new ArrayList<>();
        int[] ports = new int[n];
        try {
            InetAddress lo = InetAddress.getLoopbackAddress();
            int found = 0;
            for (int attempt = 0; found < n && attempt < 100; attempt++) {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(false);
                s.bind(new InetSocketAddress(lo, 0));
                held.add(s);
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(lo, port))) {
                    ports[found++] = port; // also free for UDP (DNS)
                } catch (IOException udpTaken) {
                    // try another
                }
            }
            if (found < n) {
                throw new IllegalStateException("could not find " + n + " free loopback ports");
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket
                }
            }
        }
    }

    public static int find() {
        return find(1)[0];
    }
}
