package cn.ipf.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The demo loader's minimal HTTP client: signs in, posts JSON and files, runs jobs, as a browser would. */
final class DemoClient {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration JOB_LIMIT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    DemoClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    String signIn(String username, String password) {
        String body = send(null, "POST", "/api/v1/auth/token",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").body();
        Matcher m = ACCESS_TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("demo sign-in failed for " + username + ": " + body);
        }
        return m.group(1);
    }

    /** True when the server accepted the request (2xx). */
    boolean post(String token, String path, String json) {
        int status = send(token, "POST", path, json).statusCode();
        return status >= 200 && status < 300;
    }

    /** The answer of a request the demo cannot do without: anything but 2xx fails the start-up, naming the step. */
    JsonNode call(String token, String method, String path, Object body) {
        HttpResponse<String> r = send(token, method, path, body == null ? null
                : body instanceof String s ? s : JSON.writeValueAsString(body));
        return answer(path, r);
    }

    /** Uploads a file as the multipart part {@code file}. */
    JsonNode upload(String token, String path, String fileName, byte[] content) {
        String boundary = "demo" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return answer(path, exchange(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), path));
    }

    /** Posts a file as the raw body (a bank's result file, {@code application/octet-stream}). */
    JsonNode postFile(String token, String path, byte[] content) {
        return answer(path, exchange(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)), path));
    }

    /** Launches a job through the job API and waits for its end; anything but COMPLETED fails the start-up. */
    JsonNode job(String token, String jobName, Map<String, String> parameters) {
        long id = call(token, "POST", "/api/v1/admin/jobs/" + jobName + "/executions",
                Map.of("parameters", parameters)).get("executionId").asLong();
        JsonNode execution = until(token, "/api/v1/admin/job-executions/" + id, e -> List.of("COMPLETED", "FAILED",
                "STOPPED", "ABANDONED").contains(e.get("status").asString()));
        if (!"COMPLETED".equals(execution.get("status").asString())) {
            throw new IllegalStateException("demo job " + jobName + " " + parameters + " ended " + execution);
        }
        return execution;
    }

    /** Reads {@code path} until what it answers is done. */
    JsonNode until(String token, String path, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(JOB_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            JsonNode read = call(token, "GET", path, null);
            if (done.test(read)) {
                return read;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("demo step did not end in time: " + path);
    }

    private static JsonNode answer(String path, HttpResponse<String> r) {
        if (r.statusCode() < 200 || r.statusCode() >= 300) {
            throw new IllegalStateException("demo request refused: " + path + " " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request, path);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request, String path) {
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
