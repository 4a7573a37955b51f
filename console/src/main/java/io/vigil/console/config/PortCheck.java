package io.vigil.console.config;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Tries each listening port before anything is written, so a console that cannot start leaves the data
 * directory untouched and says which flag to change.
 */
public final class PortCheck {

    private PortCheck() {
    }

    public static void requireFree(String bind, int port, String purpose, String flag) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            // Same option the real listeners use, so a port in TIME_WAIT is not reported as busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("in use")) {
                throw inUse(bind, port, purpose, flag);
            }
            throw new ConsoleException("cannot listen on " + bind + " port " + port + " (" + purpose + "): "
                    + message + "; check --bind and " + flag);
        }
    }

    public static ConsoleException inUse(String bind, int port, String purpose, String flag) {
        return new ConsoleException("port " + port + " on " + bind + " is already in use (" + purpose
                + "); choose another with " + flag);
    }
}
