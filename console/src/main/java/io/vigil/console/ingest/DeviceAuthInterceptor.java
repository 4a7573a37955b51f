package io.vigil.console.ingest;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.vigil.console.domain.DeviceAuthenticator;
import io.vigil.console.domain.DeviceRevocations;
import io.vigil.proto.v1.AgentGatewayGrpc;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Authenticates Session calls from their metadata before any handler runs, and hands the device id to
 * the handler through the gRPC context. Enroll is the one call that needs no device identity.
 */
final class DeviceAuthInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> DEVICE_ID =
            Metadata.Key.of("x-vigil-device-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> DEVICE_CREDENTIAL =
            Metadata.Key.of("x-vigil-device-credential", Metadata.ASCII_STRING_MARSHALLER);
    static final Context.Key<String> AUTHENTICATED_DEVICE = Context.key("vigil-device-id");
    /** The peer's IP address, for per-address limits; "unknown" for transports without one (in-process). */
    static final Context.Key<String> REMOTE_HOST = Context.keyWithDefault("vigil-remote-host", "unknown");

    private final DeviceAuthenticator authenticator;
    private final DeviceRevocations revocations;

    DeviceAuthInterceptor(DeviceAuthenticator authenticator, DeviceRevocations revocations) {
        this.authenticator = authenticator;
        this.revocations = revocations;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (!AgentGatewayGrpc.getSessionMethod().getFullMethodName()
                .equals(call.getMethodDescriptor().getFullMethodName())) {
            return Contexts.interceptCall(Context.current().withValue(REMOTE_HOST, remoteHost(call)), call, headers,
                    next);
        }
        String deviceId = headers.get(DEVICE_ID);
        if (!authenticator.authenticate(deviceId, headers.get(DEVICE_CREDENTIAL))) {
            call.close(Status.UNAUTHENTICATED.withDescription("unknown device or wrong device credential"),
                    new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        // Checked after the credential, so only the device itself learns that (and when) it was revoked.
        var refusal = revocations.refusal(deviceId);
        if (refusal.isPresent()) {
            call.close(Status.PERMISSION_DENIED.withDescription(refusal.get()), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(AUTHENTICATED_DEVICE, deviceId);
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static String remoteHost(ServerCall<?, ?> call) {
        SocketAddress address = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : "unknown";
    }
}
