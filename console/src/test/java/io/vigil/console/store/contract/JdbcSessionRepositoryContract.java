package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.console.auth.SessionRepository;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.store.jdbc.JdbcSessionRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session contract on a database: sessions belong to real users there. */
public interface JdbcSessionRepositoryContract extends StoreContract, SessionRepositoryContract {

    @Override
    default SessionRepository sessions() {
        return new JdbcSessionRepository(dataSource());
    }

    @Override
    default void userExists(String username) {
        var users = new JdbcUserRepository(dataSource());
        if (users.find(username).isEmpty()) {
            users.create(username, Set.of(Role.DSL), "$argon2id$x", Membership.school(school("Oak Primary")),
                    StoreContract.T0);
        }
    }

    @Test
    default void aSessionForAnUnknownUserIsRefused() {
        assertThrows(ConsoleException.class, () -> sessions().create("c".repeat(64), "nobody", StoreContract.T0));
    }
}
