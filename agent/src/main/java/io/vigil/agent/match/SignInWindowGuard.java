package io.vigil.agent.match;

import io.vigil.agent.capture.WindowFocused;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Recognises windows where a pupil types a password, so their keystrokes are dropped before they are
 * assembled into text at all. Deliberately over-eager: losing a line typed in a window called
 * "Login tips" costs far less than ever holding a password.
 *
 * <p>Two heuristics: the window title, and the application owning it (password managers, the OS's own
 * credential and elevation prompts, whose titles vary by language and version). Schools add their own
 * (an MIS with an unusual login title) in the agent config.
 */
public final class SignInWindowGuard {

    private static final Pattern SIGN_IN = Pattern.compile(
            "\\bsign[\\s_-]?(in|on)\\b|\\blog[\\s_-]?(in|on)\\b|pass(word|code|phrase)|\\bpin\\b|credentials|two[\\s-]?factor|\\b2fa\\b"
                    + "|verification code|one[\\s-]?time code|authenticat|unlock|\\bmfa\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Process names (lower case, without ".exe") whose every window takes secrets. */
    static final Set<String> SECRET_APPS = Set.of("keepass", "keepassxc", "1password", "bitwarden", "lastpass",
            "dashlane", "pinentry", "pinentry-gtk-2", "pinentry-gnome3", "pinentry-qt", "ssh-askpass", "gcr-prompter",
            "polkit-gnome-authentication-agent-1", "polkit-kde-authentication-agent-1", "lxpolkit", "credentialuibroker",
            "consent", "logonui", "securityagent", "loginwindow", "gnome-keyring-daemon", "kwalletd5", "kwalletd6",
            // Lock screens: the unlock password is typed into them.
            "xscreensaver", "light-locker", "gnome-screensaver-dialog", "kscreenlocker_greet", "i3lock", "xsecurelock",
            "slock", "xlock", "lockscreen");

    private volatile List<Pattern> extraTitles;
    private volatile Set<String> extraApps;

    public SignInWindowGuard() {
        this(List.of(), Set.of());
    }

    /**
     * @param extraTitles further title patterns (found anywhere in the title, case-insensitive)
     * @param extraApps   further process names that only ever show secret prompts
     */
    public SignInWindowGuard(List<Pattern> extraTitles, Set<String> extraApps) {
        update(extraTitles, extraApps);
    }

    /**
     * The school changed its extra sign-in patterns while the session runs (a session helper's settings). The
     * built-in ones never change; a title is checked against the old set or the new, never a mix that matters.
     */
    public void update(List<Pattern> extraTitles, Set<String> extraApps) {
        Set<String> apps = new TreeSet<>();
        extraApps.forEach(a -> apps.add(normaliseApp(a)));
        this.extraApps = Set.copyOf(apps);
        this.extraTitles = List.copyOf(extraTitles);
    }

    /**
     * Whether nothing typed while this is in front may be kept: the platform says so (lock screen, secure
     * input, a password field), or the title or app look like a sign-in prompt.
     */
    public boolean isSensitive(WindowFocused window) {
        return window.secret() || isSignInWindow(window.title(), window.app());
    }

    public boolean isSignInWindow(String title) {
        return isSignInWindow(title, "");
    }

    public boolean isSignInWindow(String title, String app) {
        if (SIGN_IN.matcher(title).find()) {
            return true;
        }
        for (Pattern p : extraTitles) {
            if (p.matcher(title).find()) {
                return true;
            }
        }
        String name = normaliseApp(app);
        return SECRET_APPS.contains(name) || extraApps.contains(name);
    }

    /** "C:\\Windows\\System32\\consent.exe" and "Consent" are the same app. */
    static String normaliseApp(String app) {
        String name = app.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name;
    }

    /** Config helper: compiles title patterns with the guard's flags, naming a bad one. */
    public static List<Pattern> compileTitles(List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            patterns.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        return patterns;
    }
}
