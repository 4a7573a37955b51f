package io.vigil.console.web;

/** Ends a request with an HTTP status and a JSON {@code {"error": ...}} body meant for the user. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException signInRequired() {
        return new ApiException(401, "sign in required");
    }

    static ApiException forbidden() {
        return new ApiException(403, "your roles do not allow this; ask your headteacher if you need it");
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
