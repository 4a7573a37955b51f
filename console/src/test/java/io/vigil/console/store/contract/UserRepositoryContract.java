package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link UserRepository} promises, whatever database is behind it. */
public interface UserRepositoryContract extends StoreContract {

    default UserRepository users() {
        return new JdbcUserRepository(dataSource());
    }

    @Test
    default void aCreatedUserIsFoundWithRoleAndHashAndEnabled() {
        users().create("dsl", Set.of(Role.DSL), "$argon2id$hash-1", oak(), T0);
        User user = users().find("dsl").orElseThrow();
        assertEquals("dsl", user.username());
        assertEquals(Set.of(Role.DSL), user.roles());
        assertEquals("$argon2id$hash-1", user.passwordHash());
        assertFalse(user.disabled());
        assertEquals(oak(), user.membership());
        assertTrue(user.id() > 0);
        assertEquals(Optional.empty(), users().find("nobody"));
    }

    default Membership oak() {
        return Membership.school(school("Oak Primary"));
    }

    @Test
    default void aTrustWideMembershipIsKeptAsATrustNotASchool() {
        var trust = new JdbcSchoolRepository(dataSource()).createTrust("Oak Learning Trust", T0);
        users().create("ceo", Set.of(Role.DSL), "$argon2id$x", Membership.trust(trust.id()), T0);
        assertEquals(Membership.trust(trust.id()), users().find("ceo").orElseThrow().membership());
    }

    @Test
    default void everyRoleIsStored() {
        for (Role role : Role.values()) {
            users().create("user-" + role.id(), Set.of(role), "$argon2id$x", oak(), T0);
            assertEquals(Set.of(role), users().find("user-" + role.id()).orElseThrow().roles());
        }
    }

    @Test
    default void aUserHoldsSeveralRolesAndSettingThemReplacesThem() {
        users().create("head", Set.of(Role.HEADTEACHER, Role.DSL), "$argon2id$x", oak(), T0);
        assertEquals(Set.of(Role.HEADTEACHER, Role.DSL), users().find("head").orElseThrow().roles());
        users().setRoles("head", Set.of(Role.GOVERNOR));
        assertEquals(Set.of(Role.GOVERNOR), users().find("head").orElseThrow().roles());
    }

    @Test
    default void aTakenUsernameIsRefusedWithAClearMessage() {
        users().create("dsl", Set.of(Role.DSL), "$argon2id$first", oak(), T0);
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> users().create("dsl", Set.of(Role.IT_PROVIDER), "$argon2id$second", oak(), T0));
        assertEquals("user 'dsl' already exists", e.getMessage());
        assertEquals("$argon2id$first", users().find("dsl").orElseThrow().passwordHash());
    }

    @Test
    default void concurrentCreationOfOneUsernameLeavesOneUser() throws Exception {
        Membership oak = oak();
        List<Boolean> created = StoreContract.concurrently(6, () -> {
            try {
                new JdbcUserRepository(dataSource()).create("head", Set.of(Role.DSL), "$argon2id$x", oak, T0);
                return true;
            } catch (ConsoleException e) {
                return false;
            }
        });
        assertEquals(1, created.stream().filter(c -> c).count(), created.toString());
    }

    @Test
    default void updatingThePasswordReplacesTheHashOfThatUserOnly() {
        users().create("dsl", Set.of(Role.DSL), "$argon2id$old", oak(), T0);
        users().create("deputy", Set.of(Role.DEPUTY_DSL), "$argon2id$deputy", oak(), T0);
        users().updatePassword("dsl", "$argon2id$new");
        assertEquals("$argon2id$new", users().find("dsl").orElseThrow().passwordHash());
        assertEquals("$argon2id$deputy", users().find("deputy").orElseThrow().passwordHash());
    }
}
