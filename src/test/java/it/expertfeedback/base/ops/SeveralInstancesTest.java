package it.expertfeedback.base.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import it.expertfeedback.base.db.StartupLock;
import it.expertfeedback.inbox.InboxService;
import it.expertfeedback.security.AppUserPrincipal;
import it.expertfeedback.security.Role;
import it.expertfeedback.support.Api;
import it.expertfeedback.support.KeepsSecurityContextStrategy;
import it.expertfeedback.support.SeparateApplication;
import it.expertfeedback.support.TestDatabase;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Several instances on one PostgreSQL (DOMAIN.md §10), as real applications in this JVM: two started at the same
 * moment on an empty database both come up and seed once (their seeding released at the same instant); a token from one works on the other; the scheduled
 * compaction, fired on both at once, runs on one; 32 experts claiming on both at once never get a slot twice; without
 * EFS_JWT_SECRET an external database is refused.
 */
@ExtendWith({KeepsSecurityContextStrategy.class, OutputCaptureExtension.class})
class SeveralInstancesTest {

    private static final String ADMIN = "direzione@studio-multi.it";
    private static final String ADMIN_PASSWORD = "Direzione-2026!";

    private static String[] settings(String port) {
        return new String[] {port, "efs.demo-data=true", "efs.admin.email=" + ADMIN, "efs.admin.password=" + ADMIN_PASSWORD,
                // The test fires the job itself; the schedule must not fire it meanwhile.
                "efs.analytics.compaction.initial-delay=PT1H"};
    }

    /** The first health answer of a starting instance (its port opens before seeding and bootstrap run). */
    private static Api.Response awaitNotReady(Api api, Future<?> starting) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            assertThat(starting.isDone()).as("started while the start-up lock was held").isFalse();
            try {
                return api.get("/actuator/health", null);
            } catch (UncheckedIOException notListeningYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("The instance never opened its port");
    }

    @Test
    void two_instances_start_together_on_an_empty_database_share_tokens_and_compact_one_at_a_time() throws Exception {
        String url = TestDatabase.freshDatabaseUrl("instances");
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        try {
            int portA = StartupReadinessTest.freePort();
            int portB = StartupReadinessTest.freePort();
            Future<ConfigurableApplicationContext> startingA;
            Future<ConfigurableApplicationContext> startingB;
            // The test holds the start-up lock until both instances have migrated and opened their ports, then lets
            // them go at the same moment: their seeding and bootstrap really contend, they are not just close in time.
            try (Connection holder = DriverManager.getConnection(url, "postgres", "postgres")) {
                try (Statement statement = holder.createStatement()) {
                    statement.execute("select pg_advisory_lock(" + StartupLock.KEY + ")");
                }
                // One after the other up to the lock: two Spring Boot starts at the same instant in one JVM race
                // inside Logback's shared context (ConcurrentModificationException, seen in CI), which is this
                // test's harness and not the product. Both then wait on the lock and are released together.
                startingA = pool.submit(() -> SeparateApplication.onDatabase(url, settings("server.port=" + portA)));
                assertThat(awaitNotReady(new Api(portA), startingA).status()).isEqualTo(503);
                startingB = pool.submit(() -> SeparateApplication.onDatabase(url, settings("server.port=" + portB)));
                assertThat(awaitNotReady(new Api(portB), startingB).status()).isEqualTo(503);
                assertThat(jdbc.queryForObject("select count(*) from \"user\"", Long.class)).isZero();
            }
            a = startingA.get(4, TimeUnit.MINUTES);
            b = startingB.get(4, TimeUnit.MINUTES);

            Api apiA = api(a);
            Api apiB = api(b);
            assertThat(apiA.get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(apiB.get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
            // Migrated once, seeded once, one bootstrap administrator.
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Long.class))
                    .isEqualTo(TestDatabase.migrationVersions().size());
            assertThat(jdbc.queryForObject("select count(*) from \"user\" where email in ('admin@efs.local', ?)",
                    Long.class, ADMIN)).isEqualTo(2);
            assertThat(jdbc.queryForObject("select count(*) from \"user\" u join user_role r on r.user_id = u.id "
                    + "where r.role = 'EXPERT'", Long.class))
                    .isEqualTo(jdbc.queryForObject("select count(*) from expert_profiles", Long.class));
            assertThat(jdbc.queryForObject("select count(distinct (expert_id, query_id)) from expert_feedback",
                    Long.class)).isEqualTo(jdbc.queryForObject("select count(*) from expert_feedback", Long.class));

            // A token from A works on B (same EFS_JWT_SECRET); one signed with another key does not.
            String token = apiA.token(ADMIN, ADMIN_PASSWORD);
            Api.Response onB = apiB.get("/api/v1/admin/users", token);
            assertThat(onB.status()).as(onB.body()).isEqualTo(200);
            assertThat(onB.body()).contains(ADMIN);
            Integer adminId = jdbc.queryForObject("select id from \"user\" where email = ?", Integer.class, ADMIN);
            assertThat(apiB.get("/api/v1/admin/users", tokenSignedWith("another-secret-of-at-least-32-bytes!!", adminId))
                    .status()).isEqualTo(401);

            // The scheduled compaction fired on both instances at the same moment runs on exactly one.
            Runnable jobA = scheduledCompaction(a);
            Runnable jobB = scheduledCompaction(b);
            CountDownLatch fire = new CountDownLatch(1);
            Future<?> firedA = pool.submit(() -> { await(fire); jobA.run(); });
            Future<?> firedB = pool.submit(() -> { await(fire); jobB.run(); });
            fire.countDown();
            firedA.get(1, TimeUnit.MINUTES);
            firedB.get(1, TimeUnit.MINUTES);
            assertThat(compactionRuns(a) + compactionRuns(b)).isEqualTo(1);
            // The lock stays taken for its minimum time, so a second firing right after skips too.
            jobA.run();
            jobB.run();
            assertThat(compactionRuns(a) + compactionRuns(b)).isEqualTo(1);
            assertThat(jdbc.queryForObject("""
                    select count(*) from shedlock where name = 'analytics-rollup-compaction'
                    and lock_until > timezone('utc', now())""", Long.class)).isOne();

            claimOnBothInstancesAtOnce(jdbc, a, b);
        } finally {
            pool.shutdownNow();
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    @Test
    void an_external_database_without_a_token_secret_is_refused_unless_explicitly_allowed(CapturedOutput output) {
        String url = TestDatabase.freshDatabaseUrl("nosecret");
        assertThatThrownBy(() -> SeparateApplication.onDatabase(url, "efs.security.jwt-secret=", "efs.demo-data=false"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("EFS_JWT_SECRET is not set")
                .hasMessageContaining("EFS_ALLOW_RANDOM_JWT_SECRET=true");
        // Refused before anything touched the database.
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", "postgres"));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_schema = 'public'",
                Long.class)).isZero();

        try (ConfigurableApplicationContext allowed = SeparateApplication.onDatabase(url,
                "efs.security.allow-random-jwt-secret=true", "efs.demo-data=false", "efs.admin.password=Admin-2026!")) {
            assertThat(api(allowed).get("/actuator/health", null).status()).isEqualTo(200);
            assertThat(output.getAll()).contains("EFS_JWT_SECRET is not set: API tokens are signed with a random key");
        }
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    /** The compaction exactly as the scheduler runs it: through the bean's proxy, where ShedLock sits. */
    private static Runnable scheduledCompaction(ConfigurableApplicationContext context) {
        List<Runnable> all = context.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                .map(ScheduledTask::getTask).map(task -> task.getRunnable()).toList();
        // The scheduler wraps the method's runnable (outcome tracking); its description names the method.
        List<Runnable> found = all.stream().filter(runnable -> runnable.toString().contains("RollupCompactionJob.run"))
                .toList();
        assertThat(found).as(all.toString()).hasSize(1);
        return found.getFirst();
    }

    private static long compactionRuns(ConfigurableApplicationContext context) {
        return (long) context.getBean(MeterRegistry.class).find("efs.analytics.compaction.runs").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static String tokenSignedWith(String secret, int userId) {
        var key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("expert-feedback-system").subject(String.valueOf(userId))
                .issuedAt(now).expiresAt(now.plusSeconds(600)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(key))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /**
     * The claim's rows are locked in PostgreSQL (FOR UPDATE SKIP LOCKED), so two instances claiming from one queue at
     * once never hand a slot out twice — and an expert claiming on both at the same instant (two tabs, two instances:
     * experts 8–15 below) gets different requests and is never told "nothing to do" while work is left.
     */
    private static void claimOnBothInstancesAtOnce(JdbcTemplate jdbc, ConfigurableApplicationContext a,
                                                   ConfigurableApplicationContext b) throws Exception {
        jdbc.update("update review_slot set state = 'cancelled' where state in ('open', 'claimed')"); // the demo's
        String password = "Esperto-multi-2026!";
        String hash = a.getBean(PasswordEncoder.class).encode(password);
        List<String> experts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String email = "multi-" + i + "@studio-multi.it";
            Integer id = jdbc.queryForObject("""
                    insert into "user" (email, display_name, password_hash) values (?, 'Esperto multi', ?) returning id""",
                    Integer.class, email, hash);
            jdbc.update("insert into user_role (user_id, role) values (?, 'EXPERT')", id);
            jdbc.update("""
                    insert into expert_profiles (user_id, is_verified, is_active, specializations)
                    values (?, true, true, '{iva}')""", id);
            experts.add(email);
        }
        jdbc.update("""
                insert into review_request (query_id, query_text, original_answer, topic, priority, required_reviews,
                                            content_hash)
                select gen_random_uuid(), 'Domanda multi n. ' || g, 'Risposta.', 'iva', g % 100,
                       case when g % 5 = 0 then 2 else 1 end, md5(g::text) || md5(g::text)
                from generate_series(1, 600) g""");
        jdbc.update("""
                insert into review_slot (request_id, slot_no, query_id, priority, requested_at, routing)
                select r.id, n, r.query_id, r.priority, r.created_at, r.routing
                from review_request r, generate_series(1, r.required_reviews) n where r.query_text like 'Domanda multi%'""");

        ConcurrentLinkedQueue<String> claims = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        // B over REST; A through its service: two applications in one JVM share the static security context
        // holder, which only the last started (B) reads for bearer tokens, so A's callers sign in on A's own strategy
        // as well — a harness detail; both claim on the one database.
        SecurityContextHolderStrategy strategyOfA = a.getBean(SecurityContextHolderStrategy.class);
        InboxService inboxOfA = a.getBean(InboxService.class);
        Api apiOfB = api(b);
        for (int i = 0; i < 32; i++) {
            boolean onA = i < 16;
            String expert = experts.get(onA ? i : i - 8);
            int expertId = jdbc.queryForObject("select id from \"user\" where email = ?", Integer.class, expert);
            String token = onA ? null : apiOfB.token(expert, password);
            running.add(clients.submit(() -> {
                if (onA) {
                    var principal = new AppUserPrincipal(expertId, expert, "Esperto multi",
                            EnumSet.of(Role.EXPERT), "", true, false);
                    var signedIn = UsernamePasswordAuthenticationToken
                            .authenticated(principal, null, principal.getAuthorities());
                    strategyOfA.getContext().setAuthentication(signedIn);
                    SecurityContextHolder.getContext().setAuthentication(signedIn);
                }
                await(start);
                while (true) {
                    if (onA) {
                        var claimed = inboxOfA.claimNext();
                        if (claimed.isEmpty()) {
                            return null;
                        }
                        claims.add(claimed.get().slotId() + " " + claimed.get().requestId() + " " + expert);
                    } else {
                        Api.Response claimed = apiOfB.post("/api/v1/review-requests/claim", token, "");
                        if (claimed.status() == 204) {
                            return null;
                        }
                        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
                        claims.add(claimed.json().get("slot_id").asString() + " "
                                + claimed.json().get("request_id").asString() + " " + expert);
                    }
                }
            }));
        }
        start.countDown();
        for (Future<?> client : running) {
            client.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        long slots = jdbc.queryForObject("""
                select count(*) from review_slot s join review_request r on r.id = s.request_id
                where r.query_text like 'Domanda multi%'""", Long.class);
        assertThat(claims).as("every slot claimed").hasSize((int) slots);
        assertThat(claims.stream().map(claim -> claim.split(" ")[0]).distinct()).as("no slot twice").hasSize((int) slots);
        assertThat(claims.stream().map(claim -> claim.split(" ", 2)[1]).distinct())
                .as("no expert twice on a request").hasSize((int) slots);
        assertThat(jdbc.queryForObject("""
                select count(*) from review_slot s join review_request r on r.id = s.request_id
                where r.query_text like 'Domanda multi%' and s.state = 'claimed'""", Long.class)).isEqualTo(slots);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
