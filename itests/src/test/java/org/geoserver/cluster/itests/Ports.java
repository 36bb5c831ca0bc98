package org.geoserver.cluster.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Loopback ports for test nodes. */
public final class Ports {

    private Ports() {}

    /**
     * Ports below the range the system hands out for outgoing connections (32768 and up on Linux),
     * so that no client connection takes a node's port between this choice and the node's bind;
     * each handed out once per test run.
     */
    private static final AtomicInteger NEXT = new AtomicInteger(20_000 + ThreadLocalRandom.current().nextInt(10_000));

    /** A port that was free on every interface a moment ago, and that no other caller of this gets. */
    public static int free() {
        for (int tries = 0; tries < 1_000; tries++) {
            int port = NEXT.getAndIncrement();
            if (port >= 32_000) {
                NEXT.compareAndSet(port + 1, 20_000);
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1)) {
                return port;
            } catch (IOException e) {
                // taken: try the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port between 20000 and 32000"));
    }

    /** True when something accepts connections on the loopback port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
