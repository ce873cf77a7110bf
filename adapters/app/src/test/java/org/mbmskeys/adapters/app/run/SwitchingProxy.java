package org.mbmskeys.adapters.app.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a load balancer in front of several BM-SC nodes does, for the process tests: one TCP address for the UEs,
 * each new connection forwarded to the node chosen at that moment ({@link #forwardTo}); bytes are copied as they
 * are. Blocking sockets, two threads per connection: enough for a test's handful of connections.
 */
final class SwitchingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicInteger target;
    private final Thread acceptor;
    private final List<Socket> open = new ArrayList<>();

    SwitchingProxy(int firstTargetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = new AtomicInteger(firstTargetPort);
        this.acceptor = new Thread(this::accept, "switching-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /**
     * New connections go to {@code port} on loopback from now on; the open ones are closed, as when a node is drained
     * from a balancer (otherwise a client's kept-alive connection would stay with the old node).
     */
    void forwardTo(int port) {
        target.set(port);
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            open.clear();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target.get());
                synchronized (open) {
                    open.add(client);
                    open.add(server);
                }
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // the listener closed, or the node refused: the client sees its connection end
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }, "switching-proxy-pipe");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
