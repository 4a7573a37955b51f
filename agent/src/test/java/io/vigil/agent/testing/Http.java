package io.vigil.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain HTTP/1.0 request over a socket. Java's HTTP clients refuse to set the Host header, and the block
 * page is reached by a browser whose Host header is the blocked site's name.
 */
public final class Http {

    public record Response(int status, String body) {
    }

    public static Response request(InetSocketAddress server, String method, String host, String path, String form)
            throws IOException {
        try (Socket s = new Socket(server.getAddress(), server.getPort())) {
            s.setSoTimeout(10_000);
            byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\n"
                    + (form == null ? "" : "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                    + body.length + "\r\n") + "\r\n";
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? "" : response.substring(split + 4));
        }
    }

    private Http() {
    }
}
