package io.vigil.agent.config;

/** The agent's configuration file is missing, unreadable or invalid; the message names the file and the key. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
