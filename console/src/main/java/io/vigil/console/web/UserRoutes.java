package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.UserAdmin;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Account lifecycle for those who manage users (the headteacher): disable, enable, reset a password, set
 * roles, set up an authenticator app. A manager reaches only users of a school they can see, never their own
 * account's disable switch; each change is audited and ends the user's sessions (see {@link UserAdmin}).
 */
final class UserRoutes {

    record PasswordBody(String password) {
    }

    record RolesBody(List<String> roles) {
    }

    private final UserAdmin admin;

    UserRoutes(UserAdmin admin) {
        this.admin = admin;
    }

    void register(SecuredRoutes routes) {
        Access manage = Access.to(Permission.USERS_MANAGE);
        routes.post("/api/users/{username}/disable", manage, ctx -> change(ctx, (actor, user) ->
                        admin.setDisabled(actor, user, true)))
                .post("/api/users/{username}/enable", manage, ctx -> change(ctx, (actor, user) ->
                        admin.setDisabled(actor, user, false)))
                .post("/api/users/{username}/password", manage, ctx -> change(ctx, (actor, user) ->
                        admin.resetPassword(actor, user, body(ctx, PasswordBody.class).password())))
                .post("/api/users/{username}/roles", manage, ctx -> change(ctx, (actor, user) ->
                        admin.setRoles(actor, user, roles(body(ctx, RolesBody.class).roles()))))
                .post("/api/users/{username}/totp", manage, this::enrolTotp);
    }

    private interface Change {
        void apply(String actor, String username);
    }

    private void change(Context ctx, Change change) {
        Session session = AccessControl.session(ctx);
        String username = target(ctx, session);
        try {
            change.apply(session.username(), username);
        } catch (ConsoleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ctx.status(204);
    }

    /** The secret and recovery codes are in this one response only; give them to the person directly. */
    private void enrolTotp(Context ctx) {
        Session session = AccessControl.session(ctx);
        var enrolment = admin.enrolTotp(session.username(), target(ctx, session), Optional.empty());
        ctx.json(Map.of("secret", enrolment.secretBase32(), "otpauthUri", enrolment.otpauthUri(),
                "recoveryCodes", enrolment.recoveryCodes()));
    }

    /** The named user, if the manager may see their school; otherwise 404, so other schools' users stay unknown. */
    private String target(Context ctx, Session session) {
        String username = ctx.pathParam("username");
        Optional<User> user = admin.find(username);
        boolean visible = user.flatMap(u -> u.membership().schoolId()).map(session.scope()::contains).orElse(false);
        if (!visible) {
            throw new ApiException(404, "no user '" + username + "' in your school");
        }
        return username;
    }

    private static <T> T body(Context ctx, Class<T> type) {
        try {
            T body = ctx.bodyAsClass(type);
            if (body == null) {
                throw ApiException.badRequest("a JSON body is required");
            }
            return body;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.badRequest("body must be JSON: " + type.getSimpleName());
        }
    }

    private static Set<Role> roles(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new ConsoleException("a user needs at least one role; expected one or more of: " + Role.ids());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        ids.forEach(id -> roles.add(Role.fromId(id)));
        return roles;
    }
}
