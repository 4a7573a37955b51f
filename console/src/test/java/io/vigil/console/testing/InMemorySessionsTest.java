package io.vigil.console.testing;

import io.vigil.console.auth.SessionRepository;
import io.vigil.console.store.contract.SessionRepositoryContract;

/** The web tests' fake keeps the same promises as the database. */
class InMemorySessionsTest implements SessionRepositoryContract {

    private final InMemorySessions sessions = new InMemorySessions();

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public void userExists(String username) {
        // The fake does not check users.
    }
}
