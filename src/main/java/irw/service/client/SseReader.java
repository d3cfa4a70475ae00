package irw.service.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Parses a text/event-stream (the WHATWG server-sent events format): "field: value" lines,
 * comments starting with ':', multi-line data joined with '\n', an empty line ending each event.
 */
final class SseReader {
    record Event(String name, String data, String id) {
    }

    @FunctionalInterface
    interface Sink {
        /** Returns false to stop reading. */
        boolean accept(Event event) throws IOException;
    }

    private SseReader() {
    }

    static void read(InputStream in, Sink sink) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = "message";
        String id = null;
        StringBuilder data = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty()) {
                if (data != null && !sink.accept(new Event(name, data.toString(), id))) {
                    return;
                }
                name = "message";
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // "retry" and unknown fields do not matter to this client
                }
            }
        }
    }
}
