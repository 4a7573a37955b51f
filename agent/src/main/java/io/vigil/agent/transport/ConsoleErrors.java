package io.vigil.agent.transport;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vigil.agent.config.ConsoleAddress;
import java.util.Optional;

/** Turns gRPC failures into sentences a school IT administrator can act on. */
final class ConsoleErrors {

    private ConsoleErrors() {
    }

    /** Whether the call failed because the console's certificate is not the pinned one. Call once per failure. */
    static Optional<PinMismatchException> pinMismatch(Throwable error, PinningTrustManager trust) {
        Optional<PinMismatchException> recorded = trust.takeLastMismatch();
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PinMismatchException p) {
                return Optional.of(p);
            }
        }
        Status status = Status.fromThrowable(error);
        return status.getCode() == Status.Code.UNAVAILABLE ? recorded : Optional.empty();
    }

    /** For any call: what went wrong talking to the console at {@code address}. */
    static String describe(Throwable error, ConsoleAddress address, Optional<PinMismatchException> mismatch) {
        if (mismatch.isPresent()) {
            return mismatch.get().getMessage();
        }
        Status status = Status.fromThrowable(error);
        return switch (status.getCode()) {
            case UNAVAILABLE -> "cannot reach console at " + address + ": " + rootMessage(error);
            case DEADLINE_EXCEEDED -> "console at " + address + " did not answer in time";
            case UNAUTHENTICATED -> "console rejected the device credential"
                    + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")")
                    + "; re-enrol this device with 'vigil-agent enrol'";
            case PERMISSION_DENIED -> "console at " + address + " refused"
                    + (status.getDescription() == null ? "" : ": " + status.getDescription());
            default -> "console at " + address + " failed the call: " + status.getCode() + detail(status);
        };
    }

    private static String detail(Status status) {
        return status.getDescription() == null ? "" : ": " + status.getDescription();
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof StatusRuntimeException s) {
            return String.valueOf(s.getStatus().getDescription());
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
