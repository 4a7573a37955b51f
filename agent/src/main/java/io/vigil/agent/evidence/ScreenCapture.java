package io.vigil.agent.evidence;

import io.vigil.agent.alert.Screenshot;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Takes a screenshot with {@link Robot} and shrinks it to at most {@link #MAX_SIDE} pixels on its longer
 * side: enough for a DSL to read a chat window, small enough for the spool and the wire.
 */
public final class ScreenCapture {

    public static final int MAX_SIDE = 1280;

    private final Robot robot;

    private ScreenCapture(Robot robot) {
        this.robot = robot;
    }

    /** @return empty if this JVM has no screen to capture (headless, no display) */
    public static Optional<ScreenCapture> open() {
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScreenCapture(new Robot()));
        } catch (AWTException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    public Screenshot take() {
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        return encode(captureScaled(robot::createScreenCapture, screen));
    }

    /** Source rows grabbed at a time: 128 rows of a 4K screen are 2 MB, where the whole screen is 33 MB. */
    static final int BAND_ROWS = 128;

    /**
     * Grabs the screen a band of rows at a time and scales each band into the result, so the full-size
     * screen is never in memory at once: the agent runs with a small heap (agent/jvm.options), and a 4K
     * screen in one piece would not fit beside everything else. Each band is area-averaged
     * ({@link Image#SCALE_SMOOTH}); band edges round to whole output rows.
     */
    static BufferedImage captureScaled(Function<Rectangle, BufferedImage> grab, Rectangle screen) {
        int w = screen.width;
        int h = screen.height;
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        if (scale >= 1.0) {
            return grab.apply(screen);
        }
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            for (int y = 0; y < h; y += BAND_ROWS) {
                int rows = Math.min(BAND_ROWS, h - y);
                int top = (int) Math.round(y * scale);
                int bottom = y + rows >= h ? sh : (int) Math.round((y + rows) * scale);
                if (bottom <= top) {
                    continue;
                }
                BufferedImage band = grab.apply(new Rectangle(screen.x, screen.y + y, w, rows));
                g.drawImage(band.getScaledInstance(sw, bottom - top, Image.SCALE_SMOOTH), 0, top, null);
            }
        } finally {
            g.dispose();
        }
        return small;
    }

    static Screenshot encode(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e); // in-memory stream
        }
        return new Screenshot("image/png", png.toByteArray(), image.getWidth(), image.getHeight());
    }
}
