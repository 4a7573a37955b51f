package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.SignInResult;

/**
 * One translation of a refused sign-in into a status and plain words, shared by the API and the form so
 * both say the same thing. Every refusal is audited with the address it came from.
 */
final class SignInOutcome {

    private SignInOutcome() {
    }

    record Refusal(int status, String message) {
    }

    static Refusal refuse(Context ctx, AuditLog audit, String username, SignInResult result, String via) {
        String who = String.valueOf(username);
        String from = via + " from " + ctx.ip();
        return switch (result) {
            case SignInResult.WrongCredentials w -> {
                audit.record(who, AuditAction.SESSION_FAILED, from);
                yield new Refusal(401, "wrong username or password");
            }
            case SignInResult.CodeNeeded c -> {
                audit.record(who, AuditAction.SESSION_FAILED, from + (c.codeWasGiven() ? " wrong or used code"
                        : " no code"));
                yield new Refusal(401, c.codeWasGiven()
                        ? "that code is wrong or was already used; enter the current 6-digit code from your"
                                + " authenticator app, or one of your recovery codes"
                        : "enter the 6-digit code from your authenticator app (your role needs one)");
            }
            case SignInResult.SecondFactorNotSetUp n -> {
                audit.record(who, AuditAction.SESSION_FAILED, from + " second factor not set up");
                yield new Refusal(403, "your role needs an authenticator app code, and none is set up for your"
                        + " account yet: ask your console administrator to set one up for you");
            }
            case SignInResult.TryLater t -> {
                long seconds = Math.max(1, t.retryAfter().toSeconds() + (t.retryAfter().toNanosPart() > 0 ? 1 : 0));
                ctx.header("Retry-After", String.valueOf(seconds));
                audit.record(who, AuditAction.SESSION_FAILED, from + (t.busy() ? " console busy" : " throttled"));
                yield new Refusal(t.busy() ? 503 : 429, t.busy()
                        ? "the console is busy checking sign-ins; try again in a few seconds"
                        : "too many failed sign-ins; try again in " + seconds + " seconds");
            }
            case SignInResult.SignedIn s -> throw new IllegalArgumentException("not a refusal");
        };
    }
}
