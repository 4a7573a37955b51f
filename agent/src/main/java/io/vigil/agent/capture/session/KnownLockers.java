package io.vigil.agent.capture.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Screen lockers that run only while the screen is locked, found by name in /proc. Used to say which
 * locker holds the keyboard; looked for only once a grab is seen, because listing /proc every second
 * would cost more CPU than the whole idle agent.
 *
 * <p>Daemons that run all the time (xscreensaver, light-locker, gnome-screensaver, xss-lock) are not
 * here: their presence says nothing. Their lock shows as a keyboard grab or as logind's LockedHint.
 */
public final class KnownLockers {

    static final Set<String> LOCK_ONLY = Set.of("i3lock", "i3lock-color", "xsecurelock", "slock", "xlock",
            "xtrlock", "physlock", "alock", "xscreensaver-auth", "kscreenlocker_greet", "gnome-screensaver-dialog",
            "swaylock", "hyprlock", "betterlockscreen");

    private final Path proc;

    public KnownLockers(Path proc) {
        this.proc = proc;
    }

    public static KnownLockers linux() {
        return new KnownLockers(Path.of("/proc"));
    }

    /** @return the name of a lock-only locker that is running, if any */
    public Optional<String> running() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path pid : entries) {
                Optional<String> name = commandName(pid);
                if (name.isPresent() && LOCK_ONLY.contains(name.get())) {
                    return name;
                }
            }
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** argv[0] without its directory: comm is cut at 15 characters ("kscreenlocker_g"). */
    private static Optional<String> commandName(Path pid) {
        try {
            byte[] cmdline = Files.readAllBytes(pid.resolve("cmdline"));
            int end = 0;
            while (end < cmdline.length && cmdline[end] != 0) {
                end++;
            }
            String argv0 = new String(cmdline, 0, end, StandardCharsets.UTF_8);
            return argv0.isEmpty() ? Optional.empty() : Optional.of(argv0.substring(argv0.lastIndexOf('/') + 1));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // the process ended while we looked, or is not ours to read
        }
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
