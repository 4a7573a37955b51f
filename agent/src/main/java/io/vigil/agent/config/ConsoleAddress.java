package io.vigil.agent.config;

/**
 * Where the console's gRPC port is: {@code host:port}, with IPv6 literals in brackets ({@code [::1]:7443}).
 */
public record ConsoleAddress(String host, int port) {

    public ConsoleAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("console address has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("console port " + port + " is outside 1-65535");
        }
    }

    /** @throws IllegalArgumentException naming what is wrong with {@code text} */
    public static ConsoleAddress parse(String text) {
        String value = text == null ? "" : text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("console address '" + value + "' is not HOST:PORT");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(
                    "console address '" + value + "': write IPv6 addresses in brackets, e.g. [::1]:7443");
        }
        String portText = value.substring(colon + 1);
        if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
            throw new IllegalArgumentException("console address '" + value + "': port '" + portText + "' is not a number");
        }
        return new ConsoleAddress(host, Integer.parseInt(portText));
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
