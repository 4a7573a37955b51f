package io.vigil.console.ingest;

import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.FailedAttemptLimit;
import io.vigil.console.domain.Text;
import io.vigil.proto.v1.AgentGatewayGrpc;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.EnrollRequest;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.SigningKey;
import io.vigil.console.policy.PolicyDelivery;
import com.google.protobuf.ByteString;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The vigil.v1.AgentGateway service: wire protocol only, the decisions are in the domain. */
final class AgentGatewayService extends AgentGatewayGrpc.AgentGatewayImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(AgentGatewayService.class);

    private final Enrolment enrolment;
    private final DeviceSessions sessions;
    private final FailedAttemptLimit failedEnrolments;
    private final Clock clock;
    private final PolicyDelivery policies;
    private final OpenSessions open;

    AgentGatewayService(Enrolment enrolment, DeviceSessions sessions, Clock clock, PolicyDelivery policies,
                        OpenSessions open) {
        this.enrolment = enrolment;
        this.sessions = sessions;
        this.failedEnrolments = new FailedAttemptLimit(clock);
        this.clock = clock;
        this.policies = policies;
        this.open = open;
    }

    @Override
    public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
        var facts = ProtoMapping.facts(request.getDevice());
        String address = DeviceAuthInterceptor.REMOTE_HOST.get();
        var wait = failedEnrolments.waitBefore(address);
        if (wait.isPresent()) {
            LOG.warn("Refused enrolment of '{}' from {}: too many failed attempts from that address",
                    Text.forLog(facts.hostname()), address);
            response.onError(Status.RESOURCE_EXHAUSTED.withDescription("too many failed enrolment attempts from "
                    + "this address; try again in " + Math.max(1, wait.get().toSeconds()) + " s").asRuntimeException());
            return;
        }
        try {
            var attempt = enrolment.attempt(request.getEnrolmentToken(), facts);
            if (attempt instanceof Enrolment.Refused refused) {
                failedEnrolments.failed(address);
                LOG.warn("Refused enrolment of '{}' from {}: {}", Text.forLog(facts.hostname()), address,
                        refused.reason());
                response.onError(Status.PERMISSION_DENIED.withDescription(refused.reason()).asRuntimeException());
                return;
            }
            var e = ((Enrolment.Accepted) attempt).enrolled();
            LOG.info("Enrolled device {} ({}) for {}", e.deviceId(), Text.forLog(facts.hostname()), e.school());
            var answer = EnrollResponse.newBuilder().setDeviceId(e.deviceId())
                    .setDeviceCredential(e.credential()).setSchool(e.school());
            // The agent pins these: a policy is applied only when one of them signed it.
            policies.signingKeys().forEach(k -> answer.addSigningKeys(SigningKey.newBuilder().setKeyId(k.keyId())
                    .setPublicKey(ByteString.copyFrom(k.x509()))));
            response.onNext(answer.build());
            response.onCompleted();
        } catch (RuntimeException ex) {
            LOG.error("Enrolment of '{}' failed", Text.forLog(facts.hostname()), ex);
            response.onError(Status.UNAVAILABLE.withDescription("console could not enrol the device; retry later")
                    .asRuntimeException());
        }
    }

    @Override
    public StreamObserver<AgentMessage> session(StreamObserver<ConsoleMessage> response) {
        String deviceId = DeviceAuthInterceptor.AUTHENTICATED_DEVICE.get();
        var session = new AgentSession(deviceId, response, sessions, open, clock, policies);
        if (response instanceof ServerCallStreamObserver<ConsoleMessage> call) {
            call.setOnCancelHandler(session::cancelled);
        }
        open.opened(deviceId, session);
        return session;
    }
}
