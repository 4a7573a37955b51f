package io.vigil.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * The only way console routes are registered: each states its {@link Access} next to its path, and
 * {@link AccessControl} enforces it before the handler runs.
 */
final class SecuredRoutes {

    private final RoutesConfig routes;

    SecuredRoutes(RoutesConfig routes) {
        this.routes = routes;
    }

    SecuredRoutes get(String path, Access access, Handler handler) {
        routes.get(path, handler, access);
        return this;
    }

    SecuredRoutes post(String path, Access access, Handler handler) {
        routes.post(path, handler, access);
        return this;
    }

    SecuredRoutes delete(String path, Access access, Handler handler) {
        routes.delete(path, handler, access);
        return this;
    }
}
