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
import javax.imageio.ImageIO;

/**
 * Takes a screenshot with {@link Robot} and shrinks it to at most {@link #MAX_SIDE} pixels on its longer
 * side: enough for a DSL to read a chat window, small enough for the spool and the wire.
 */
public final class ScreenCapture {

    static final int MAX_SIDE = 1280;

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
        return encode(downscale(robot.createScreenCapture(screen)));
    }

    static BufferedImage downscale(BufferedImage full) {
        int w = full.getWidth();
        int h = full.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        if (scale >= 1.0) {
            return full;
        }
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        var g = small.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full.getScaledInstance(sw, sh, Image.SCALE_SMOOTH), 0, 0, null);
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
