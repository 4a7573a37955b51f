package io.vigil.agent.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Scaling in bands, on a synthetic screen: no display needed. */
class ScreenCaptureTest {

    /** A 4K "screen": red on the left half, blue on the right, a white bar across the middle rows. */
    private static Color pixel(int x, int y, int w, int h) {
        if (Math.abs(y - h / 2) < 40) {
            return Color.WHITE;
        }
        return x < w / 2 ? Color.RED : Color.BLUE;
    }

    @Test
    void aLargeScreenIsGrabbedInBandsAndScaledToTheMaximumSide() {
        int w = 3840;
        int h = 2160;
        List<Rectangle> grabbed = new ArrayList<>();
        Function<Rectangle, BufferedImage> screen = r -> {
            grabbed.add(r);
            BufferedImage band = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < r.height; y++) {
                for (int x = 0; x < r.width; x++) {
                    band.setRGB(x, y, pixel(r.x + x, r.y + y, w, h).getRGB());
                }
            }
            return band;
        };
        BufferedImage small = ScreenCapture.captureScaled(screen, new Rectangle(0, 0, w, h));

        assertEquals(1280, small.getWidth());
        assertEquals(720, small.getHeight());
        assertTrue(grabbed.stream().allMatch(r -> r.height <= ScreenCapture.BAND_ROWS && r.width == w));
        assertEquals(h, grabbed.stream().mapToInt(r -> r.height).sum(), "every row grabbed once");
        assertEquals(Color.RED.getRGB(), small.getRGB(100, 100));
        assertEquals(Color.BLUE.getRGB(), small.getRGB(1200, 650));
        assertEquals(Color.WHITE.getRGB(), small.getRGB(640, 360));
    }

    @Test
    void aSmallScreenIsGrabbedWholeAndKeptAsItIs() {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        assertEquals(image, ScreenCapture.captureScaled(r -> image, new Rectangle(0, 0, 800, 600)));
    }
}
