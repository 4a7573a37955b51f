package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.domain.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deny by default: every route declares exactly one access rule, and a route that declares none is closed. */
class RouteAccessTest {

    @Test
    void everyRegisteredRouteDeclaresExactlyOneAccessRule() {
        try (FakeConsole console = new FakeConsole()) {
            List<WebServer.Route> routes = console.server.routes();
            assertFalse(routes.isEmpty(), "no routes found: the enumeration itself is broken");
            List<String> undeclared = routes.stream().filter(r -> r.access().size() != 1)
                    .map(r -> r.method() + " " + r.path() + " declares " + r.access()).toList();
            assertEquals(List.of(), undeclared);
        }
    }

    @Test
    void aRouteRegisteredWithoutAnAccessRuleIsRefusedEvenToTheDsl() throws Exception {
        try (FakeConsole console = new FakeConsole()) {
            var session = console.signedIn(Role.DSL);
            AccessControl accessControl = new AccessControl(new SessionCookie(console.sessions), console.audit);
            Javalin naked = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.jetty.addConnector(ConnectorFactory.plainLoopback()::create);
                cfg.routes.beforeMatched(accessControl::check);
                cfg.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
                // Registered straight on Javalin, as a hurried author might, not through SecuredRoutes.
                cfg.routes.get("/forgotten", ctx -> ctx.result("alert content"));
            }).start();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + naked.port() + "/forgotten"))
                        .header("Cookie", SessionCookie.NAME + "=" + session.id()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, response.statusCode());
                assertFalse(response.body().contains("alert content"));
            } finally {
                naked.stop();
            }
        }
    }

    @Test
    void aRefusedRequestBySomeoneSignedInIsAuditLogged() throws Exception {
        try (FakeConsole console = new FakeConsole()) {
            assertEquals(403, console.client(Role.IT_PROVIDER).get("/api/alerts").statusCode());
            var denied = console.audit.latest(10).stream()
                    .filter(e -> e.action().equals(AuditAction.ACCESS_DENIED.id())).findFirst().orElseThrow();
            assertEquals("it_provider", denied.actor());
            assertTrue(denied.detail().contains("alerts.routed"), denied.detail());
        }
    }
}
