package io.vigil.agent.capture.session;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is signed in now, for everything that acts on the user's behalf: alerts, the help page, the monitoring
 * notice, the monitoring scope and the web filter's group. One holder, owned by the composition root, so a
 * user switch reaches all of them instead of each keeping the user the agent started as.
 *
 * <p>Only the session watcher changes it (on the capture queue's thread, ordered against keys); anyone may
 * read it. Listeners run on the changing thread, in the order they were added, once per change; one that
 * fails is logged and the rest still run, so a broken notice window cannot keep the filter on the old user.
 */
public final class CurrentUser {

    private static final Logger log = LoggerFactory.getLogger(CurrentUser.class);

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private volatile String user;

    public CurrentUser(String initialUser) {
        this.user = Objects.requireNonNull(initialUser);
    }

    public String get() {
        return user;
    }

    /** Called for each later change, not for the user already signed in. */
    public void onChange(Consumer<String> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** The session now belongs to {@code newUser}; listeners hear of it only if that is a change. */
    public void signedIn(String newUser) {
        Objects.requireNonNull(newUser);
        synchronized (this) {
            if (newUser.equals(user)) {
                return;
            }
            user = newUser;
        }
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(newUser);
            } catch (RuntimeException e) {
                log.warn("a part of the agent did not take the switch to user {}: {}", newUser, e.toString());
            }
        }
    }
}
