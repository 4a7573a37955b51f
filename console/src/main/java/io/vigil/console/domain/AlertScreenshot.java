package io.vigil.console.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The screen when an alert was raised, as the agent sent it.
 *
 * <p>Never kept for the categories where it could show an indecent image of a child: the agent does not
 * take one there, and the console refuses one that arrives anyway ({@link #allowedFor}).
 */
public record AlertScreenshot(String alertUuid, String mediaType, byte[] data, int width, int height) {

    /** Same list as the agent's; "adult" is the web filter's category for adult sites. */
    public static final Set<String> NEVER_FOR = Set.of("sexual_content", "grooming", "sexting", "adult");
    public static final Set<String> MEDIA_TYPES = Set.of("image/png", "image/jpeg");
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    public AlertScreenshot {
        Objects.requireNonNull(alertUuid);
        Objects.requireNonNull(mediaType);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public static boolean allowedFor(String category) {
        return !NEVER_FOR.contains(category);
    }

    /** @return why the image is refused, or null if it is acceptable */
    public String problem() {
        if (!MEDIA_TYPES.contains(mediaType)) {
            return "media type '" + mediaType + "' is not one of " + MEDIA_TYPES;
        }
        if (data.length == 0 || data.length > MAX_BYTES) {
            return "image of " + data.length + " bytes is empty or over " + MAX_BYTES;
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AlertScreenshot s && s.alertUuid.equals(alertUuid) && s.mediaType.equals(mediaType)
                && Arrays.equals(s.data, data) && s.width == width && s.height == height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertUuid, mediaType, Arrays.hashCode(data), width, height);
    }

    @Override
    public String toString() {
        return "AlertScreenshot[" + alertUuid + " " + mediaType + " " + width + "x" + height + "]";
    }
}
