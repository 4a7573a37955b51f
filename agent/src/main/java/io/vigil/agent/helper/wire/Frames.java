package io.vigil.agent.helper.wire;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Length-prefixed frames: a 4-byte big-endian length, then that many bytes. The length is checked before a
 * single byte of the body is read or a buffer is allocated, so a hostile peer cannot make the service
 * allocate more than {@link #MAX_FRAME_BYTES}.
 */
public final class Frames {

    /**
     * The largest frame either side accepts. An alert is its biggest message: a 500-char snippet and a
     * 1000-char window title are at most 4.5 KiB in modified UTF-8, plus small fields; 16 KiB leaves room
     * without letting a peer make the service hold much.
     */
    public static final int MAX_FRAME_BYTES = 16 * 1024;

    private Frames() {
    }

    /** @return the body, or null at a clean end of stream (the peer closed between frames) */
    public static byte[] read(DataInputStream in) throws IOException {
        int length;
        try {
            length = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (length < 1 || length > MAX_FRAME_BYTES) {
            throw new FrameException("frame of " + length + " bytes is outside 1-" + MAX_FRAME_BYTES);
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    public static void write(DataOutputStream out, byte[] body) throws IOException {
        if (body.length < 1 || body.length > MAX_FRAME_BYTES) {
            throw new FrameException("frame of " + body.length + " bytes is outside 1-" + MAX_FRAME_BYTES);
        }
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }
}
