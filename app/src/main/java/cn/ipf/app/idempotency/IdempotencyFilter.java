package cn.ipf.app.idempotency;

import cn.ipf.app.security.Actor;
import cn.ipf.app.security.CurrentActor;
import cn.ipf.app.shared.crypto.SecretCipher;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.idempotency.policy.ReplayPolicy;
import cn.ipf.app.shared.web.CachedBodyRequest;
import cn.ipf.app.shared.web.Problems;
import cn.ipf.sdk.signing.IpfSignature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one idempotency mechanism of the API, for every POST, PUT, PATCH and DELETE that carries an
 * {@code Idempotency-Key} (and every bank POST, which must).
 *
 * <ol>
 *   <li>Claim (scope, key) with an IN_PROGRESS row, committed at once: a concurrent duplicate sees it and gets 409
 *       IDEMPOTENCY_IN_PROGRESS; a later one with another payload gets 422 IDEMPOTENCY_KEY_REUSED; a later identical
 *       one gets the stored response with {@code Idempotent-Replayed: true}.</li>
 *   <li>Run the request inside one transaction that also stores the response, so the effect and the record commit
 *       together: there is no window in which the effect exists without its record.</li>
 *   <li>A 4xx rolls the request's writes back (bad input writes nothing) and is stored for replay when the same
 *       request would get it again; a 5xx, or a transient refusal such as a conflict with a concurrent request,
 *       rolls back and releases the claim so that the client may retry ({@link ReplayPolicy}).</li>
 * </ol>
 * A claim whose holder seems dead (no completion within 5 minutes) may be taken over; completion only counts for the
 * claim a request took (its claim time is the token), so a slow original that lost its claim rolls its effect back.
 * The console's forms use the same mechanism, with the key in the action's {@code idem} query parameter.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(5);
    private static final String CONSOLE = "/console/";
    private static final String FORM_KEY = "idem";

    private final IdempotencyMapper records;
    private final TransactionTemplate tx;
    private final Problems problems;
    /** Largest body buffered to fingerprint and replay: at least the largest documented upload. */
    private final int maxBodyBytes;
    private final SecretCipher cipher;
    private final Clock clock;
    private final JsonMapper json;

    public IdempotencyFilter(IdempotencyMapper records, TransactionTemplate tx, Problems problems,
            int maxBodyBytes, SecretCipher cipher, Clock clock, JsonMapper json) {
        this.json = json;
        this.records = records;
        this.cipher = cipher;
        this.tx = tx;
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod()) || request.getRequestURI().startsWith("/api/v1/auth/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        Optional<Actor> actor = CurrentActor.find();
        if (key == null) {
            boolean required = "POST".equals(request.getMethod()) && actor.isPresent()
                    && actor.get().bankId() != null;
            if (required) {
                problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REQUIRED);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_INVALID);
            return;
        }
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest forwarded;
        byte[] content;
        if (formType(request) != null && formType(request).startsWith("multipart/")) {
            // the parts are parsed (and kept) by the container, so the body is not read here: digest the parts
            try {
                content = partsDigest(request);
            } catch (IllegalStateException tooLarge) {
                problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE);
                return;
            } catch (ServletException malformed) {
                problems.write(request, response, ErrorCode.MALFORMED_BODY);
                return;
            }
            forwarded = request;
        } else {
            CachedBodyRequest cached = CachedBodyRequest.of(request, maxBodyBytes);
            if (cached == null) {
                problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE);
                return;
            }
            content = body(cached);
            forwarded = cached;
        }
        String scope = actor.get().scope();
        String hash = fingerprint(request, content);
        Claim claim = claim(scope, key, hash);
        switch (claim.outcome()) {
            case MISMATCH -> problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED);
            case IN_PROGRESS -> problems.write(request, response, ErrorCode.IDEMPOTENCY_IN_PROGRESS);
            case REPLAY -> replay(claim.record(), response);
            case CLAIMED -> execute(claim.record(), forwarded, request, response, chain);
        }
    }

    private void execute(IdempotencyRecord claim, HttpServletRequest request, HttpServletRequest original,
            HttpServletResponse response, FilterChain chain) throws IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean[] claimLost = {false};
        try {
            tx.executeWithoutResult(status -> {
                try {
                    chain.doFilter(request, captured);
                } catch (IOException | ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (captured.getStatus() >= 400) {
                    status.setRollbackOnly();
                } else if (!store(claim, captured)) {
                    status.setRollbackOnly();
                    claimLost[0] = true;
                }
            });
        } catch (RuntimeException e) {
            records.release(claim.id(), claim.createdAt());
            throw e;
        }
        int status = captured.getStatus();
        if (claimLost[0]) {
            captured.reset();
            problems.write(original, captured, ErrorCode.IDEMPOTENCY_IN_PROGRESS);
        } else if (status >= 400 && !ReplayPolicy.kept(status, problemCode(captured))) {
            records.release(claim.id(), claim.createdAt());
        } else if (status >= 400) {
            tx.executeWithoutResult(s -> store(claim, captured));
        }
        captured.copyBodyToResponse();
    }

    /** The stable {@code code} of a problem response, or null for any other response. */
    private String problemCode(ContentCachingResponseWrapper captured) {
        String type = captured.getContentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return null;
        }
        try {
            return json.readTree(captured.getContentAsByteArray()).path("code").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * Keeps the response for replay, if this request still holds its claim; one that must not be stored in clear
     * (it carries a secret) is sealed.
     */
    private boolean store(IdempotencyRecord claim, ContentCachingResponseWrapper captured) {
        String cacheControl = captured.getHeader(HttpHeaders.CACHE_CONTROL);
        boolean secret = cacheControl != null && cacheControl.contains("no-store");
        byte[] body = captured.getContentAsByteArray();
        return records.complete(claim.id(), claim.createdAt(), captured.getStatus(), captured.getContentType(),
                captured.getHeader(HttpHeaders.LOCATION), secret ? cipher.seal(SecretCipher.Purpose.IDEMPOTENT_RESPONSE, body) : body, secret) == 1;
    }

    private static String formType(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null ? null : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private enum Outcome { CLAIMED, REPLAY, MISMATCH, IN_PROGRESS }

    private record Claim(Outcome outcome, IdempotencyRecord record) {
    }

    private Claim claim(String scope, String key, String hash) {
        Instant now = clock.instant();
        try {
            records.claim(scope, key, hash, now, now.plus(LOCK_TIMEOUT), now.plus(RETENTION));
            return new Claim(Outcome.CLAIMED, records.find(scope, key));
        } catch (DuplicateKeyException duplicate) {
            IdempotencyRecord existing = records.find(scope, key);
            if (existing == null) {
                // purged between our insert and our read: claim afresh
                return claim(scope, key, hash);
            }
            boolean expired = existing.expiresAt().isBefore(now);
            boolean abandoned = IdempotencyRecord.IN_PROGRESS.equals(existing.status())
                    && existing.lockedUntil().isBefore(now);
            if (expired || abandoned && existing.requestHash().equals(hash)) {
                if (records.takeOver(existing.id(), hash, now, now.plus(LOCK_TIMEOUT), now.plus(RETENTION)) == 1) {
                    return new Claim(Outcome.CLAIMED, records.find(scope, key));
                }
                return new Claim(Outcome.IN_PROGRESS, existing);
            }
            if (!existing.requestHash().equals(hash)) {
                return new Claim(Outcome.MISMATCH, existing);
            }
            if (IdempotencyRecord.IN_PROGRESS.equals(existing.status())) {
                return new Claim(Outcome.IN_PROGRESS, existing);
            }
            return new Claim(Outcome.REPLAY, existing);
        }
    }

    private void replay(IdempotencyRecord record, HttpServletResponse response) throws IOException {
        response.setStatus(record.responseStatus());
        response.setHeader(REPLAYED, "true");
        if (record.responseEncrypted()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (record.responseContentType() != null) {
            response.setContentType(record.responseContentType());
        }
        if (record.responseLocation() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.responseLocation());
        }
        if (record.responseBody() != null) {
            response.getOutputStream().write(record.responseEncrypted() ? cipher.open(SecretCipher.Purpose.IDEMPOTENT_RESPONSE,
                    record.responseBody())
                    : record.responseBody());
        }
    }

    /**
     * The request's key: its header, or for a console form (a browser cannot add a header to a form post) the
     * {@code idem} query parameter of the form's action, fresh for each rendering of the form.
     */
    private static String key(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null || !request.getRequestURI().startsWith(CONSOLE) || request.getQueryString() == null) {
            return header;
        }
        return UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .getFirst(FORM_KEY);
    }

    /**
     * Same key, same request: method, path, query and the content (body bytes, a form's parameters or a multipart
     * body's parts).
     */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        String head = request.getMethod() + "\n" + request.getRequestURI() + "\n"
                + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return IpfSignature.sha256Hex(all);
    }

    /** The body's bytes, or a form's parameters when the body was already read into them. */
    private static byte[] body(CachedBodyRequest request) {
        byte[] body = request.body();
        if (body.length == 0 && MediaType.APPLICATION_FORM_URLENCODED_VALUE.equals(formType(request))) {
            StringBuilder form = new StringBuilder();
            new TreeMap<>(request.getParameterMap()).forEach((name, values) ->
                    form.append(name).append('=').append(String.join("\u0000", values)).append('\n'));
            body = form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return body;
    }

    /**
     * A multipart body by its parts (name, file name, digest of the content), not its bytes: a browser sending the
     * same form again draws a new boundary.
     */
    private static byte[] partsDigest(HttpServletRequest request) throws IOException, ServletException {
        StringBuilder digest = new StringBuilder();
        for (Part part : request.getParts()) {
            try (InputStream in = part.getInputStream()) {
                digest.append(part.getName()).append('\u0000')
                        .append(part.getSubmittedFileName() == null ? "" : part.getSubmittedFileName())
                        .append('\u0000').append(IpfSignature.sha256Hex(in.readAllBytes())).append('\n');
            }
        }
        return digest.toString().getBytes(StandardCharsets.UTF_8);
    }
}
