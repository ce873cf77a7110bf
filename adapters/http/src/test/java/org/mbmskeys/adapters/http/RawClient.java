package org.mbmskeys.adapters.http;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.mbmskeys.engine.spi.Endpoint;

/** A plain socket that writes whatever bytes a test wants and reads answers; reads wait five seconds at most. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    RawClient(Endpoint server) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(server.host(), server.port()), 5000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
    }

    Endpoint localEndpoint() {
        return Endpoint.of(socket.getLocalAddress().getHostAddress(), socket.getLocalPort());
    }

    void write(String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Shuts the socket's output (a half-close): the server sees the end of its input. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** One answer: its head, then as many body bytes as its Content-Length says. */
    String readResponse() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the server closed the connection after " + head.toString(US_ASCII));
            }
            head.write(b);
        }
        String text = head.toString(US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return text + new String(in.readNBytes(length), US_ASCII);
    }

    /** True when the server closes the connection (within five seconds) without sending more. */
    boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    boolean isOpen() {
        return !socket.isClosed() && socket.isConnected();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
