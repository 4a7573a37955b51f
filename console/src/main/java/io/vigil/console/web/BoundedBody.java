package io.vigil.console.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a raw upload up to a limit. A body over the limit is refused, but what is left of it is read and dropped
 * first, up to {@link #SWALLOW_BYTES}: a server that answers and closes the connection while the browser is still
 * sending makes the browser report a reset connection instead of the refusal, depending on timing. (Seen as a
 * flaky test on a busy machine: "header parser received no bytes" for a 6 MB directory export.)
 */
final class BoundedBody {

    /** Past this much beyond the limit the connection is closed instead; reading costs only network time. */
    static final long SWALLOW_BYTES = 16L * 1024 * 1024;

    private BoundedBody() {
    }

    /** The whole body, or empty if it is longer than {@code limit} bytes. */
    static Optional<byte[]> read(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length <= limit) {
            return Optional.of(body);
        }
        byte[] dropped = new byte[8192];
        long left = SWALLOW_BYTES;
        int n;
        while (left > 0 && (n = in.read(dropped, 0, (int) Math.min(dropped.length, left))) > 0) {
            left -= n;
        }
        return Optional.empty();
    }
}
