package cn.ipf.app.bench;

import cn.ipf.sdk.signing.IpfRequestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Drives signed GETs at the service with java.net.http: open loop at a fixed rate (each request's latency counted
 * from its scheduled send time, so a stall is charged to every request it delays: no coordinated omission), or
 * closed loop at a fixed concurrency for the maximum throughput.
 */
final class LoadDriver {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private final String base;
    private final IpfRequestSigner signer;

    LoadDriver(String base, String appId, String secret) {
        this.base = base;
        this.signer = new IpfRequestSigner(appId, secret);
    }

    /** Latencies in microseconds, and how many answers were not 200. */
    record Result(String name, long[] micros, int errors, double seconds) {

        double throughput() {
            return micros.length / seconds;
        }

        long percentile(double p) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }

        @Override
        public String toString() {
            return String.format("%-11s n=%6d errors=%d  %.0f req/s  p50=%.1f ms  p90=%.1f ms  p99=%.1f ms  max=%.1f ms",
                    name, micros.length, errors, throughput(), percentile(0.50) / 1000.0,
                    percentile(0.90) / 1000.0, percentile(0.99) / 1000.0, percentile(1.0) / 1000.0);
        }
    }

    private HttpRequest request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .GET();
        signer.accept(b);
        return b.build();
    }

    /** Fixed-rate schedule; paths.apply(i) is the i-th request's path. */
    Result openLoop(String name, IntFunction<String> paths, int perSecond, int seconds) throws Exception {
        int total = perSecond * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long[] micros = new long[total];
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[total];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            all[i] = client.sendAsync(request(paths.apply(i)), HttpResponse.BodyHandlers.discarding())
                    .handle((r, t) -> {
                        micros[n] = (System.nanoTime() - scheduled) / 1000;
                        if (t != null || r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        return null;
                    });
        }
        CompletableFuture.allOf(all).join();
        return new Result(name, micros, errors.get(), (System.nanoTime() - start) / 1e9);
    }

    /** As many requests as {@code concurrency} in flight allow, for the duration. */
    Result closedLoop(String name, IntFunction<String> paths, int concurrency, int seconds) throws Exception {
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        Semaphore slots = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (!slots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                continue;
            }
            long sentAt = System.nanoTime();
            client.sendAsync(request(paths.apply((int) sent.getAndIncrement())),
                    HttpResponse.BodyHandlers.discarding()).handle((r, t) -> {
                        if (System.nanoTime() <= end) {
                            micros.add((System.nanoTime() - sentAt) / 1000);
                            if (t != null || r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                        slots.release();
                        return null;
                    });
        }
        slots.acquire(concurrency);
        List<Long> list = List.copyOf(micros);
        return new Result(name, list.stream().mapToLong(Long::longValue).toArray(), errors.get(),
                (end - start) / 1e9);
    }

    /** One request's status and body, to check what the benchmark measures. */
    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    }
}
