package io.vigil.console.store.jdbc;

import io.vigil.console.auth.SecondFactorRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** TOTP secrets and recovery codes in {@code user_totp}, {@code user_totp_used} and {@code user_recovery_codes}. */
public final class JdbcSecondFactorRepository implements SecondFactorRepository {

    private final Jdbc jdbc;

    public JdbcSecondFactorRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void enrol(long userId, String sealedSecret, List<String> recoveryCodeHashes, Instant at) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from user_totp where user_id = ?", userId);
            Jdbc.update(c, "delete from user_totp_used where user_id = ?", userId);
            Jdbc.update(c, "delete from user_recovery_codes where user_id = ?", userId);
            Jdbc.update(c, "insert into user_totp (user_id, sealed_secret, created_at) values (?, ?, ?)",
                    userId, sealedSecret, at);
            for (String hash : recoveryCodeHashes) {
                Jdbc.update(c, "insert into user_recovery_codes (user_id, code_hash) values (?, ?)", userId, hash);
            }
            return null;
        });
    }

    @Override
    public Optional<String> sealedSecret(long userId) {
        return jdbc.query("select sealed_secret from user_totp where user_id = ?", rs -> rs.getString(1), userId)
                .stream().findFirst();
    }

    @Override
    public boolean useStep(long userId, long step) {
        // The primary key decides a race between two nodes; old steps are swept so the table stays tiny.
        return jdbc.insertOnce(c -> {
            Jdbc.update(c, "delete from user_totp_used where user_id = ? and step < ?", userId, step - 2);
            return Jdbc.update(c, "insert into user_totp_used (user_id, step) values (?, ?)", userId, step) == 1;
        });
    }

    @Override
    public boolean useRecoveryCode(long userId, String codeHash, Instant at) {
        return jdbc.update("update user_recovery_codes set used_at = ? where user_id = ? and code_hash = ?"
                + " and used_at is null", at, userId, codeHash) == 1;
    }
}
