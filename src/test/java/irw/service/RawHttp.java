package irw.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written (no client-side normalisation of "..", no re-encoding),
 * the way an attacker would, and returns the status code and the whole answer.
 */
final class RawHttp {
    record Answer(int status, String text) {
    }

    private RawHttp() {
    }

    static Answer get(int port, String rawTarget, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Answer(status, text);
        }
    }
}
