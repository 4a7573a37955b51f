package io.vigil.console.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs a small JSON message to an incoming webhook. {@code text} is what Teams (incoming webhook / Workflows
 * "post to a channel") and Slack both show; {@code link} is there for anything that wants the address alone.
 */
public final class HttpWebhook implements UrgentChannels.Webhook {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI url;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpWebhook(URI url) {
        this.url = url;
    }

    @Override
    public void post(String text, String link) throws UrgentChannels.DeliveryException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("text", text + ": " + link);
        body.put("link", link);
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new UrgentChannels.DeliveryException("webhook " + url.getHost() + " answered "
                        + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new UrgentChannels.DeliveryException("webhook " + url.getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UrgentChannels.DeliveryException("interrupted while calling the webhook", e);
        }
    }
}
