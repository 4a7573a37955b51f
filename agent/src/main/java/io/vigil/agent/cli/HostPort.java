package io.vigil.agent.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code 127.0.0.1:5353} or {@code [::1]:5353}, as an address (never a host name: no DNS to find the DNS). */
final class HostPort implements ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new TypeConversionException("'" + value + "' must be ADDRESS:PORT, e.g. 127.0.0.1:5353");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new TypeConversionException("'" + host + "' must be an IP address, not a name");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("port in '" + value + "' is not a number");
        }
        if (port < 0 || port > 65_535) {
            throw new TypeConversionException("port " + port + " is outside 0-65535");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new TypeConversionException("'" + host + "' is not an IP address");
        }
    }
}
