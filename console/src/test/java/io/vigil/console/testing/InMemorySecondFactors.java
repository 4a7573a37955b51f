package io.vigil.console.testing;

import io.vigil.console.auth.SecondFactorRepository;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SecondFactorRepository} in maps, for fast unit tests; the JDBC one runs on H2 and PostgreSQL. */
public final class InMemorySecondFactors implements SecondFactorRepository {

    private final Map<Long, String> secrets = new ConcurrentHashMap<>();
    private final Map<Long, Set<Long>> usedSteps = new ConcurrentHashMap<>();
    private final Map<Long, Set<String>> unusedCodes = new ConcurrentHashMap<>();

    @Override
    public synchronized void enrol(long userId, String sealedSecret, List<String> recoveryCodeHashes, Instant at) {
        secrets.put(userId, sealedSecret);
        usedSteps.put(userId, new HashSet<>());
        unusedCodes.put(userId, new HashSet<>(recoveryCodeHashes));
    }

    @Override
    public Optional<String> sealedSecret(long userId) {
        return Optional.ofNullable(secrets.get(userId));
    }

    @Override
    public synchronized boolean useStep(long userId, long step) {
        return usedSteps.computeIfAbsent(userId, k -> new HashSet<>()).add(step);
    }

    @Override
    public synchronized boolean useRecoveryCode(long userId, String codeHash, Instant at) {
        return unusedCodes.getOrDefault(userId, Set.of()).remove(codeHash);
    }
}
