package cn.ipf.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.Http;
import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import cn.ipf.sdk.signing.IpfSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends every operation of the contract ({@code openapi.yaml} and {@code bank-api.yaml}) malformed bodies, path
 * parameters, query parameters and paths, authenticated as the operation's audience (bank operations signed), and
 * checks what a client may rely on: no 5xx, every refusal is problem+json with a stable {@code code}, malformed
 * writes are refused, and nothing is written (row counts of every application table unchanged).
 */
class ContractFuzzTest extends IntegrationTest {

    private static final String CONTRACT = "META-INF/resources/openapi/";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Bookkeeping, not application data: refusals are stored for replay; background deliveries; Batch. */
    private static final List<String> NOT_APPLICATION_DATA = List.of("idempotency_record", "webhook_attempt",
            "flyway_schema_history");

    private final Map<String, Map<String, Object>> files = new HashMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private Map<Role, String> tokens;
    private BankCredentials bank;

    /** One operation of the contract and the file its definitions live in. */
    private record Operation(String method, String path, Map<String, Object> definition, String file) {
    }

    /** A definition with the file it came from (for relative references). */
    private record Node(Object value, String file) {
    }

    @Test
    void noMalformedRequestIsA5xxOrAnythingButAProblemAndNoneWritesAnything() {
        String admin = adminToken();
        tokens = Map.of(Role.ADMIN, admin, Role.REGULATOR, token(user(Role.REGULATOR, null, null, null)),
                Role.CITY_REVIEWER, token(user(Role.CITY_REVIEWER, null, null, null)));
        bank = app(admin, bank(admin), 100_000);
        List<Operation> operations = operations();
        Map<String, Long> before = rowCounts();

        for (Operation op : operations) {
            fuzz(op);
        }

        Map<String, Long> after = rowCounts();
        System.out.printf("contract fuzz: %d operations, %d requests, statuses %s%n", operations.size(), requests,
                statuses);
        assertThat(failures).as("responses that broke the contract").isEmpty();
        assertThat(after).as("row counts of the application tables").isEqualTo(before);
        assertThat(operations.size()).isGreaterThan(100);
        assertThat(statuses.keySet()).allSatisfy(status -> assertThat(status).isLessThan(500));
    }

    // ---- the contract

    private List<Operation> operations() {
        Map<String, Operation> all = new LinkedHashMap<>();
        for (String root : List.of("openapi.yaml", "bank-api.yaml")) {
            Map<String, Object> paths = map(file(root).get("paths"));
            paths.forEach((path, item) -> {
                Node resolved = resolve(new Node(item, root));
                map(resolved.value()).forEach((method, definition) -> {
                    if (METHODS.contains(method)) {
                        all.putIfAbsent(method + " " + path,
                                new Operation(method.toUpperCase(), path, map(definition), resolved.file()));
                    }
                });
            });
        }
        return List.copyOf(all.values());
    }

    private Map<String, Object> file(String name) {
        return files.computeIfAbsent(name, n -> {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(CONTRACT + n)) {
                assertThat(in).as("contract file %s on the classpath", n).isNotNull();
                return new Yaml().load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Follows {@code $ref}s ({@code file.yaml#/a/b}, {@code #/a/b}) until a definition. */
    private Node resolve(Node node) {
        Node current = node;
        while (current.value() instanceof Map<?, ?> m && m.get("$ref") instanceof String ref) {
            int hash = ref.indexOf('#');
            String file = hash > 0 ? ref.substring(0, hash) : current.file();
            Object value = file(file);
            for (String segment : ref.substring(hash + 1).split("/")) {
                if (!segment.isEmpty()) {
                    value = ((Map<?, ?>) value).get(segment.replace("~1", "/").replace("~0", "~"));
                }
            }
            current = new Node(value, file);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private List<Node> parameters(Operation op, String in) {
        List<Node> found = new ArrayList<>();
        for (Object p : list(op.definition().get("parameters"))) {
            Node parameter = resolve(new Node(p, op.file()));
            if (in.equals(map(parameter.value()).get("in"))) {
                found.add(parameter);
            }
        }
        return found;
    }

    private Node schema(Node holder) {
        return resolve(new Node(map(holder.value()).get("schema"), holder.file()));
    }

    // ---- the malformed requests

    private void fuzz(Operation op) {
        List<Node> pathParameters = parameters(op, "path");
        String path = validPath(op.path(), pathParameters);
        boolean writes = !op.method().equals("GET");
        Node body = requestBody(op);
        // with the malformed path or query, a body the operation would refuse on its own account too
        String refusedBody = body == null ? null
                : list(map(body.value()).get("required")).isEmpty() ? "{\"unterminated\": " : "{}";

        if (body != null) {
            for (String malformed : malformedBodies(body)) {
                send(op, path, malformed, true);
            }
        }
        for (Node parameter : pathParameters) {
            String name = (String) map(parameter.value()).get("name");
            for (String value : malformedPathValues(schema(parameter))) {
                send(op, validPath(op.path().replace("{" + name + "}", value), pathParameters), refusedBody,
                        true);
            }
        }
        for (Node parameter : parameters(op, "query")) {
            String name = (String) map(parameter.value()).get("name");
            for (String value : malformedQueryValues(schema(parameter))) {
                send(op, path + "?" + name + "=" + value, refusedBody, writes);
            }
        }
        send(op, path + ";x=1", refusedBody, true);
        send(op, path.replaceFirst("/api/v1/", "/api/v1//"), refusedBody, true);
    }

    /** The path with every id a plausible number or code (the resource need not exist). */
    private String validPath(String template, List<Node> pathParameters) {
        String path = template;
        for (Node parameter : pathParameters) {
            String name = (String) map(parameter.value()).get("name");
            Map<String, Object> schema = map(schema(parameter).value());
            String value = switch (String.valueOf(schema.get("type"))) {
                case "integer" -> name.equals("year") ? "2025" : "987654321";
                default -> schema.containsKey("enum") ? String.valueOf(list(schema.get("enum")).get(0))
                        : name.equals("month") ? "2025-01" : name.equals("regionCode") ? "999999"
                        : name.equals("format") ? "csv" : "no-such-id";
            };
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private Node requestBody(Operation op) {
        Object body = op.definition().get("requestBody");
        if (body == null) {
            return null;
        }
        Node resolved = resolve(new Node(body, op.file()));
        Object json = map(map(map(resolved.value()).get("content")).get("application/json")).get("schema");
        return json == null ? null : resolve(new Node(json, resolved.file()));
    }

    private List<String> malformedBodies(Node schema) {
        List<String> bodies = new ArrayList<>(List.of("{\"unterminated\": ", "\"text\"", "42", "null"));
        if ("object".equals(map(schema.value()).get("type"))) {
            bodies.add("[]");
        }
        if (!list(map(schema.value()).get("required")).isEmpty()) {
            bodies.add("{}");
        }
        Map<String, Object> properties = map(map(schema.value()).get("properties"));
        properties.forEach((name, definition) -> {
            for (Object value : malformedValues(resolve(new Node(definition, schema.file())))) {
                bodies.add(JSON.writeValueAsString(Map.of(name, value)).replace("\"@RAW@", "")
                        .replace("@RAW@\"", ""));
            }
        });
        return bodies;
    }

    /**
     * Values no field of this schema accepts; a JSON literal that the mapper cannot produce is written as
     * {@code "@RAW@literal@RAW@"} and unquoted.
     */
    private List<Object> malformedValues(Node node) {
        Map<String, Object> schema = map(node.value());
        String type = String.valueOf(schema.get("type"));
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "string" -> {
                values.add(12345);
                values.add(true);
                values.add("a\u0000b\u001b[31m");
                values.add("c1\u0085");
                if ("date".equals(schema.get("format"))) {
                    values.add("0000-01-01");
                    values.add("9999-12-31");
                    values.add(20260101);
                }
                if ("date-time".equals(schema.get("format"))) {
                    values.add("yesterday");
                }
            }
            case "integer" -> {
                values.add("12");
                values.add(0.5);
                values.add("@RAW@1e400@RAW@");
                if (schema.containsKey("minimum")) {
                    values.add(-1_000_000_000_000L);
                }
                if (schema.containsKey("maximum")) {
                    values.add(Long.MAX_VALUE);
                }
            }
            case "number" -> {
                values.add("12.5");
                values.add(false);
                if (schema.containsKey("minimum")) {
                    values.add(-1);
                }
                if (schema.containsKey("maximum")) {
                    values.add("@RAW@1e30@RAW@");
                }
            }
            case "boolean" -> {
                values.add("yes");
                values.add(1);
            }
            case "array" -> {
                values.add(Map.of("not", "an array"));
                values.add("@RAW@[null]@RAW@");
            }
            case "object" -> values.add(List.of("not an object"));
            default -> values.add(List.of());
        }
        return values;
    }

    private static List<String> malformedPathValues(Node node) {
        Map<String, Object> schema = map(node.value());
        List<String> values = new ArrayList<>(List.of("%E4%B8%80", "x%20", "%20"));
        if ("integer".equals(schema.get("type"))) {
            values.addAll(List.of("1%20", "abc", "1.5", "-1", "99999999999999999999", "0x10"));
        }
        return values;
    }

    private static List<String> malformedQueryValues(Node node) {
        Map<String, Object> schema = map(node.value());
        List<String> values = new ArrayList<>(List.of("%01", "%E4%B8%80"));
        switch (String.valueOf(schema.get("type"))) {
            case "integer" -> values.addAll(List.of("abc", "1.5", "99999999999999999999", "1%20"));
            case "string" -> {
                if ("date".equals(schema.get("format"))) {
                    values.addAll(List.of("0000-13-01", "yesterday"));
                }
            }
            default -> values.add("x");
        }
        return values;
    }

    // ---- sending and checking

    private void send(Operation op, String path, String body, boolean mustRefuse) {
        requests++;
        Http client = client(op, path, body);
        Http.Response r;
        try {
            r = client.header("Idempotency-Key", UUID.randomUUID().toString()).send(op.method(), path, body);
        } catch (IllegalArgumentException e) {
            return; // a path java.net.URI refuses to build cannot be sent by a client either
        }
        statuses.merge(r.status(), 1, Integer::sum);
        String what = op.method() + " " + path + " " + (body == null ? "" : abbreviate(body)) + " → " + r.status()
                + " " + abbreviate(r.body());
        if (r.status() >= 500) {
            failures.add("5xx: " + what);
        } else if (r.status() >= 400) {
            String type = r.header("Content-Type");
            if (type == null || !type.startsWith("application/problem+json")) {
                failures.add("not problem+json: " + what);
            } else {
                JsonNode problem = r.json();
                if (problem.get("code") == null || problem.get("traceId") == null) {
                    failures.add("problem without code or traceId: " + what);
                }
            }
        } else if (mustRefuse && !op.method().equals("GET")) {
            failures.add("malformed write accepted: " + what);
        }
    }

    private Http client(Operation op, String path, String body) {
        if (path.startsWith("/api/v1/bank/")) {
            int query = path.indexOf('?');
            String rawPath = query < 0 ? path : path.substring(0, query);
            String rawQuery = query < 0 ? null : path.substring(query + 1);
            long timestamp = Instant.now().getEpochSecond();
            String nonce = UUID.randomUUID().toString().replace("-", "");
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String toSign = IpfSignature.stringToSign(op.method(), rawPath, rawQuery, timestamp, nonce, bytes);
            return http.header("Authorization", IpfSignature.authorizationHeader(bank.appId(), timestamp, nonce,
                    IpfSignature.sign(bank.secret(), toSign)));
        }
        if (path.startsWith("/api/v1/auth/token") || path.startsWith("/api/v1/auth/refresh")
                || path.startsWith("/api/v1/auth/logout")) {
            return http;
        }
        Role role = path.startsWith("/api/v1/regulator/") ? Role.REGULATOR
                : path.startsWith("/api/v1/library/") || path.startsWith("/api/v1/compensation/")
                        ? Role.CITY_REVIEWER : Role.ADMIN;
        return http.with(tokens.get(role));
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** Rows of every application table (Spring Batch's and bookkeeping tables aside). */
    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", String.class)) {
            if (!table.toUpperCase().startsWith("BATCH_") && !NOT_APPLICATION_DATA.contains(table.toLowerCase())) {
                counts.put(table, count(table));
            }
        }
        return counts;
    }
}
