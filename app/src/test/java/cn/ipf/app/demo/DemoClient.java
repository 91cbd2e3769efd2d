package cn.ipf.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The demo loader's minimal HTTP client: signs in and posts JSON, as a browser would. */
final class DemoClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    DemoClient(String base) {
        this.base = base;
    }

    String signIn(String username, String password) {
        String body = send(null, "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").body();
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("demo sign-in failed for " + username + ": " + body);
        }
        return m.group(1);
    }

    /** True when the server accepted the request (2xx). */
    boolean post(String token, String path, String json) {
        int status = send(token, path, json).statusCode();
        return status >= 200 && status < 300;
    }

    private HttpResponse<String> send(String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("demo request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
