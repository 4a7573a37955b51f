package io.vigil.console.web;

import io.vigil.console.tls.TlsIdentity;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Builds the listening connector for the {@link WebServer}. Production passes {@link #https}; route tests
 * pass {@link #plainLoopback}, so they exercise every route without certificates or the rest of the console.
 */
@FunctionalInterface
public interface ConnectorFactory {

    Connector create(Server server, HttpConfiguration httpConfig);

    /** HTTPS with the console certificate, TLS 1.2 and 1.3 only. */
    static ConnectorFactory https(String bind, int port, TlsIdentity tls) {
        return https(bind, port, tls::keyStore);
    }

    /** HTTPS with the school's own certificate chain ({@code serve --tls-cert/--tls-key}). */
    static ConnectorFactory https(String bind, int port, io.vigil.console.tls.SchoolCertificate certificate) {
        return https(bind, port, certificate::keyStore);
    }

    private static ConnectorFactory https(String bind, int port,
                                          java.util.function.Function<char[], java.security.KeyStore> keyStore) {
        return (server, httpConfig) -> {
            // Clients reach the console by IP or by names the self-signed certificate may not list; the
            // certificate is pinned or explicitly trusted, so Jetty's SNI host check adds nothing here.
            httpConfig.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
            httpConfig.setSendServerVersion(false);
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            char[] password = "in-memory-only".toCharArray();
            ssl.setKeyStore(keyStore.apply(password));
            ssl.setKeyStorePassword(new String(password));
            ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(httpConfig));
            connector.setHost(bind);
            connector.setPort(port);
            return connector;
        };
    }

    /** Plain HTTP on 127.0.0.1 and a free port: for tests only, never reachable from the network. */
    static ConnectorFactory plainLoopback() {
        return (server, httpConfig) -> {
            httpConfig.setSendServerVersion(false);
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            return connector;
        };
    }
}
