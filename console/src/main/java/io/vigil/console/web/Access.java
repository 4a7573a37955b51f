package io.vigil.console.web;

import io.javalin.security.RouteRole;
import io.vigil.console.domain.Permission;
import java.util.Optional;

/**
 * What a route requires, declared where the route is registered ({@link SecuredRoutes}) and checked in one
 * place ({@link AccessControl}). A route that declares none is refused: deny by default.
 */
sealed interface Access extends RouteRole {

    /** Open to anyone, signed in or not: health, the sign-in page and form, sign-out, static files. */
    Access PUBLIC = new Public();

    /** Any signed-in user, whatever their roles: the home redirect and the welcome page. */
    Access SIGNED_IN = new SignedIn();

    static Access to(Permission permission) {
        return new Requires(permission);
    }

    /** The permission required, if any; empty for {@link #PUBLIC} and {@link #SIGNED_IN}. */
    default Optional<Permission> permission() {
        return Optional.empty();
    }

    /** How the README's route table names this rule, e.g. {@code alerts.read}. */
    String describe();

    record Public() implements Access {
        @Override
        public String describe() {
            return "public";
        }
    }

    record SignedIn() implements Access {
        @Override
        public String describe() {
            return "signed in";
        }
    }

    record Requires(Permission required) implements Access {
        @Override
        public Optional<Permission> permission() {
            return Optional.of(required);
        }

        @Override
        public String describe() {
            return required.id();
        }
    }
}
