package io.vigil.agent.notice.desktop;

import io.vigil.agent.notice.NoticeDisplay;
import io.vigil.agent.policy.NoticeTexts;
import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JPanel;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notice as a small window on the user's desktop: the school's words, "I understand" (the default
 * button, so Enter accepts) and "Get help" (opens the local help page in the browser). Where the desktop
 * has a system tray, a tray icon opens the help page at any time. Swing and AWT stay in this package.
 */
public final class SwingNoticeDisplay implements NoticeDisplay {

    private static final Logger log = LoggerFactory.getLogger(SwingNoticeDisplay.class);

    private final URI helpPage;
    private JFrame frame;
    private TrayIcon trayIcon;

    private SwingNoticeDisplay(URI helpPage) {
        this.helpPage = helpPage;
    }

    /** Empty with the reason when there is no screen to show a window on. */
    public static Optional<SwingNoticeDisplay> open(URI helpPage) {
        if (GraphicsEnvironment.isHeadless()) {
            return Optional.empty();
        }
        return Optional.of(new SwingNoticeDisplay(helpPage));
    }

    /** Adds the "Get help" tray icon; false where the desktop has no tray (many Linux desktops). */
    public boolean addTrayIcon() {
        if (!SystemTray.isSupported()) {
            return false;
        }
        try {
            trayIcon = new TrayIcon(icon(), "Vigil: get help");
            trayIcon.setImageAutoSize(true);
            trayIcon.addActionListener(e -> openHelpPage());
            SystemTray.getSystemTray().add(trayIcon);
            return true;
        } catch (Exception e) {
            log.warn("cannot add the 'Get help' tray icon: {}", e.toString());
            return false;
        }
    }

    @Override
    public void show(NoticeTexts.Notice notice, Runnable onAccept, Runnable onGetHelp) {
        SwingUtilities.invokeLater(() -> {
            AtomicBoolean accepted = new AtomicBoolean();
            frame = new JFrame("This device is monitored");
            frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
            // Never take the keyboard from what the user is typing in: the window appears, focus stays put.
            frame.setAutoRequestFocus(false);
            JTextArea text = new JTextArea(notice.text(), 8, 40);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            text.setEditable(false);
            text.setFont(text.getFont().deriveFont(Font.PLAIN, 16f));
            text.getAccessibleContext().setAccessibleName("Monitoring notice");
            text.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
            JButton understand = new JButton("I understand");
            understand.setMnemonic('U');
            understand.addActionListener(e -> {
                if (accepted.compareAndSet(false, true)) {
                    onAccept.run();
                }
                frame.dispose();
            });
            JButton help = new JButton("Get help");
            help.setMnemonic('H');
            help.addActionListener(e -> onGetHelp.run());
            JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
            buttons.add(help);
            buttons.add(understand);
            frame.getContentPane().add(text, BorderLayout.CENTER);
            frame.getContentPane().add(buttons, BorderLayout.SOUTH);
            frame.getRootPane().setDefaultButton(understand);
            frame.pack();
            frame.setLocationRelativeTo(null);
            frame.setVisible(true);
        });
    }

    /** Opens the help page in the user's browser; logs (without the token) when there is none. */
    public void openHelpPage() {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(helpPage);
                return;
            }
            new ProcessBuilder("xdg-open", helpPage.toString()).start();
        } catch (Exception e) {
            log.warn("cannot open the help page in a browser: {}", e.toString());
        }
    }

    private static Image icon() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0x1d5c4d));
        g.fillOval(0, 0, 16, 16);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(7, 3, 2, 7);
        g.fillRect(7, 11, 2, 2);
        g.dispose();
        return image;
    }

    @Override
    public void close() {
        SwingUtilities.invokeLater(() -> {
            if (frame != null) {
                frame.dispose();
            }
            if (trayIcon != null) {
                SystemTray.getSystemTray().remove(trayIcon);
            }
        });
    }
}
