package io.vigil.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.vigil.proto.v1.Command;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.Unenrol;
import org.junit.jupiter.api.Test;

class SessionCallTest {

    private static final String REASON = "device revoked by the school's IT provider on 4 Dec 2026 15:30 UTC";

    @Test
    void permissionDeniedMeansTheDeviceWasRevokedAndCarriesTheConsolesSentence() {
        SessionCall call = new SessionCall(() -> { });
        call.onError(Status.PERMISSION_DENIED.withDescription(REASON).asRuntimeException());
        assertTrue(call.revoked());
        assertEquals(REASON, call.revocationReason());
    }

    @Test
    void anUnenrolCommandMeansRevokedEvenBeforeTheCallEnds() {
        SessionCall call = new SessionCall(() -> { });
        call.onNext(ConsoleMessage.newBuilder().setCommand(Command.newBuilder().setCommandId("c1")
                .setUnenrol(Unenrol.newBuilder().setReason(REASON))).build());
        assertTrue(call.revoked());
        assertEquals(REASON, call.revocationReason());
    }

    @Test
    void anOutageOrARejectedCredentialIsNotARevocation() {
        SessionCall unavailable = new SessionCall(() -> { });
        unavailable.onError(Status.UNAVAILABLE.asRuntimeException());
        assertFalse(unavailable.revoked());
        SessionCall unauthenticated = new SessionCall(() -> { });
        unauthenticated.onError(Status.UNAUTHENTICATED.asRuntimeException());
        assertFalse(unauthenticated.revoked());
    }
}
