/**
 * The web console: JSON API under {@code /api} and server-rendered pages.
 *
 * <p>Adding a route: register it in {@link io.vigil.console.web.ApiRoutes} or
 * {@link io.vigil.console.web.PageRoutes} through {@link io.vigil.console.web.SecuredRoutes}, naming its
 * {@link io.vigil.console.web.Access} (PUBLIC, SIGNED_IN or a {@link io.vigil.console.domain.Permission}).
 * {@link io.vigil.console.web.AccessControl} enforces it before the handler runs and refuses any route that
 * declares none; {@code AuthorizationMatrixTest} fails until the new route has a row saying who may use it.
 * Handlers get the signed-in session (with its roles and school {@link io.vigil.console.domain.Scope}) from
 * {@code AccessControl.session(ctx)} and pass the scope to every alert and device query.
 *
 * <p>HTML comes only from the jte templates in {@code src/main/jte}, which escape by default; views are the
 * records in {@link io.vigil.console.web.view}.
 */
package io.vigil.console.web;
