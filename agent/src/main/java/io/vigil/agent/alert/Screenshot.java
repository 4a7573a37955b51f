package io.vigil.agent.alert;

import java.util.Arrays;
import java.util.Objects;

/**
 * The screen at the moment an alert was raised, already downscaled and encoded.
 *
 * @param mediaType e.g. "image/png"
 * @param data      the encoded image; held in memory only until the spool seals it
 */
public record Screenshot(String mediaType, byte[] data, int width, int height) {

    public Screenshot {
        Objects.requireNonNull(mediaType);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Screenshot s && s.mediaType.equals(mediaType) && Arrays.equals(s.data, data)
                && s.width == width && s.height == height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, Arrays.hashCode(data), width, height);
    }

    @Override
    public String toString() {
        return "Screenshot[" + mediaType + " " + width + "x" + height + ", " + data.length + " bytes]";
    }
}
