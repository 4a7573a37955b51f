package io.vigil.console.web;

/** A refused or failed page request, said plainly, with a way back. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(int status, String message) {
        String title = switch (status) {
            case 403 -> "Not available to your role";
            case 404 -> "Page not found";
            case 400 -> "Request not understood";
            default -> "Something went wrong";
        };
        String main = "<h1>" + Html.esc(title) + "</h1><p>" + Html.esc(message) + "</p>"
                + "<p><a href=\"/\">Back to the start page</a></p>";
        return Html.page(title, "", main, null);
    }
}
