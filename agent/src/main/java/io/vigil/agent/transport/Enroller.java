package io.vigil.agent.transport;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.proto.v1.AgentGatewayGrpc;
import io.vigil.proto.v1.EnrollRequest;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.agent.config.PolicyKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Exchanges an enrolment token for a device id and credential (the Enroll call). */
public final class Enroller {

    /** Enrolment is interactive (an admin or MDM script waits on it): fail within seconds, not minutes. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    public Enrolment enrol(ConsoleAddress address, CertificatePin pin, String token, DeviceFacts facts)
            throws TransportException {
        PinningTrustManager trust = new PinningTrustManager(pin);
        ManagedChannel channel = ConsoleChannels.open(address, trust);
        try {
            EnrollResponse response = AgentGatewayGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .enroll(EnrollRequest.newBuilder()
                            .setEnrolmentToken(token)
                            .setDevice(ProtoMapper.deviceFacts(facts))
                            .build());
            if (response.getDeviceId().isBlank() || response.getDeviceCredential().isBlank()) {
                throw new TransportException("console at " + address
                        + " answered the enrolment without a device id or credential", null);
            }
            return new Enrolment(response.getDeviceId(), response.getDeviceCredential(), response.getSchool(),
                    policyKeys(address, response));
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.PERMISSION_DENIED) {
                // The console says why: not recognised, expired or revoked (and what to do).
                String why = e.getStatus().getDescription();
                throw new TransportException("enrolment refused by console: "
                        + (why == null || why.isBlank() ? "enrolment token not recognised" : why), e);
            }
            var mismatch = ConsoleErrors.pinMismatch(e, trust);
            if (mismatch.isPresent()) {
                throw new TransportException("console certificate does not match --pin: expected "
                        + mismatch.get().expected() + ", got " + mismatch.get().actual(), e);
            }
            throw new TransportException(ConsoleErrors.describe(e, address, mismatch), e);
        } finally {
            ConsoleChannels.close(channel);
        }
    }

    private static List<PolicyKey> policyKeys(ConsoleAddress address, EnrollResponse response)
            throws TransportException {
        List<PolicyKey> keys = new ArrayList<>();
        for (var key : response.getSigningKeysList()) {
            try {
                keys.add(new PolicyKey(key.getKeyId(), key.getPublicKey().toByteArray()));
            } catch (IllegalArgumentException e) {
                throw new TransportException("console at " + address + " sent an unusable policy signing key: "
                        + e.getMessage(), e);
            }
        }
        return keys;
    }
}
