package io.vigil.keywords;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixture list sets under src/test/resources/fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path dir(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeywordEngine basic() {
        try {
            return KeywordEngine.load(dir("basic"));
        } catch (ListValidationException e) {
            throw new IllegalStateException(e);
        }
    }
}
