package org.ssaeinspector.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP client that sends a POST's headers and the first half of its body, then waits until told
 * to send the rest: a slow upload holding its place in a server, written by hand on a plain socket.
 */
public final class SlowUpload implements AutoCloseable {
    private final Socket socket;
    private final byte[] body;

    private SlowUpload(Socket socket, byte[] body) {
        this.socket = socket;
        this.body = body;
    }

    /** Starts {@code POST pathAndQuery} to the server at {@code base} with half of {@code body}. */
    public static SlowUpload start(URI base, String pathAndQuery, byte[] body) throws IOException {
        Socket s = new Socket(base.getHost(), base.getPort());
        s.setSoTimeout(60_000);
        OutputStream out = s.getOutputStream();
        out.write(("POST " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body, 0, body.length / 2);
        out.flush();
        return new SlowUpload(s, body);
    }

    /** Sends the rest of the body and returns the whole response (status line, headers, body). */
    public String finish() throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(body, body.length / 2, body.length - body.length / 2);
        out.flush();
        String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        socket.close();
        return response;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
