package it.expertfeedback.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * N clients submitting feedback through {@code POST /api/v1/expert-feedback/submit} as fast as they can, each as a
 * demo expert of its own (verified and active), against a separately running application. Remembers the id of every
 * submission answered 201.
 */
public final class SubmissionLoad implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();

    private SubmissionLoad(String base) {
        this.base = base;
    }

    /** Demo experts that may submit: DemoDataset leaves every 9th unverified and every 17th inactive. */
    static List<String> submittingExperts() {
        List<String> emails = new ArrayList<>();
        for (int index = 0; index < 36; index++) {
            if (index % 9 != 8 && index % 17 != 16) {
                emails.add("esperto" + (index + 1) + "@efs.local");
            }
        }
        return emails;
    }

    /** Signs {@code count} clients in and lets them submit until {@link #stop()}. */
    public static SubmissionLoad start(String baseUrl, int count) throws IOException, InterruptedException {
        SubmissionLoad load = new SubmissionLoad(baseUrl);
        List<String> experts = submittingExperts();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(load.token(experts.get(i % experts.size())));
        }
        for (String token : tokens) {
            Thread client = Thread.ofPlatform().daemon().start(() -> load.submitUntilStopped(token));
            load.clients.add(client);
        }
        return load;
    }

    private String token(String email) throws IOException, InterruptedException {
        HttpResponse<String> response;
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        do {
            response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("email", email)
                            .put("password", "Esperto-demo-2026").toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                // Logins are rate-limited per address: all clients sign in from here, so wait as told.
                Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            }
        } while (response.statusCode() == 429 && System.nanoTime() < deadline);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Login of " + email + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).get("access_token").asString();
    }

    private void submitUntilStopped(String token) {
        while (running.get()) {
            var body = json.createObjectNode()
                    .put("query_id", UUID.randomUUID().toString())
                    .put("feedback_type", "incorrect")
                    .put("category", "calcolo_sbagliato")
                    // A question of its own each time: the same one would make every client wait for the same
                    // FAQ candidate (dedup is serialised per normalized question).
                    .put("query_text", "Come si calcola l'acconto IVA di dicembre con il metodo storico? Pratica "
                            + UUID.randomUUID())
                    .put("original_answer", "Si versa il 100% dell'IVA dovuta a dicembre dell'anno precedente.")
                    .put("expert_answer", "L'acconto è pari all'88% dell'IVA dovuta per dicembre dell'anno precedente.")
                    .put("confidence_score", 0.9)
                    .put("time_spent_seconds", 240)
                    .put("complexity_rating", 3)
                    .put("additional_details", "La percentuale è 88%, non 100%.");
            body.putArray("regulatory_references").add("Art. 6, L. 405/1990");
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/expert-feedback/submit"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.add(json.readTree(response.body()).get("feedback_id").asString());
                } else {
                    failures.incrementAndGet();
                }
            } catch (IOException e) {
                // The application was killed under us: that submission was never acknowledged.
                failures.incrementAndGet();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ids of the submissions answered 201 so far. */
    public List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public int failures() {
        return failures.get();
    }

    /** Stops the clients and waits for them. */
    public void stop() throws InterruptedException {
        running.set(false);
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(40));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
