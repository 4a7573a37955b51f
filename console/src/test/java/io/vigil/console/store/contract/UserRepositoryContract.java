package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link UserRepository} promises, whatever database is behind it. */
public interface UserRepositoryContract extends StoreContract {

    default UserRepository users() {
        return new JdbcUserRepository(dataSource());
    }

    @Test
    default void aCreatedUserIsFoundWithRoleAndHashAndEnabled() {
        users().create("dsl", Role.DSL, "$argon2id$hash-1", T0);
        User user = users().find("dsl").orElseThrow();
        assertEquals("dsl", user.username());
        assertEquals(Role.DSL, user.role());
        assertEquals("$argon2id$hash-1", user.passwordHash());
        assertFalse(user.disabled());
        assertTrue(user.id() > 0);
        assertEquals(Optional.empty(), users().find("nobody"));
    }

    @Test
    default void everyRoleIsStored() {
        for (Role role : Role.values()) {
            users().create("user-" + role.id(), role, "$argon2id$x", T0);
            assertEquals(role, users().find("user-" + role.id()).orElseThrow().role());
        }
    }

    @Test
    default void aTakenUsernameIsRefusedWithAClearMessage() {
        users().create("dsl", Role.DSL, "$argon2id$first", T0);
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users().create("dsl", Role.IT_ADMIN, "$argon2id$second", T0));
        assertEquals("user 'dsl' already exists", e.getMessage());
        assertEquals("$argon2id$first", users().find("dsl").orElseThrow().passwordHash());
    }

    @Test
    default void concurrentCreationOfOneUsernameLeavesOneUser() throws Exception {
        List<Boolean> created = StoreContract.concurrently(6, () -> {
            try {
                new JdbcUserRepository(dataSource()).create("head", Role.DSL, "$argon2id$x", T0);
                return true;
            } catch (ConsoleException e) {
                return false;
            }
        });
        assertEquals(1, created.stream().filter(c -> c).count(), created.toString());
    }

    @Test
    default void updatingThePasswordReplacesTheHashOfThatUserOnly() {
        users().create("dsl", Role.DSL, "$argon2id$old", T0);
        users().create("deputy", Role.DEPUTY_DSL, "$argon2id$deputy", T0);
        users().updatePassword("dsl", "$argon2id$new");
        assertEquals("$argon2id$new", users().find("dsl").orElseThrow().passwordHash());
        assertEquals("$argon2id$deputy", users().find("deputy").orElseThrow().passwordHash());
    }
}
