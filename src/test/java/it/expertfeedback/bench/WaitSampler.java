package it.expertfeedback.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Samples, while a load runs, what the database's backends are doing (pg_stat_activity: running on a core, or waiting
 * and for what) and how many application threads wait for a pooled connection — so a latency number can be told
 * apart: waiting for a lock, for the disk, for a core or for the pool. Its own connection, outside the pool.
 */
final class WaitSampler {

    /**
     * The observer costs what it observes: a sample every 5 ms, parsed each time, took about 7 % of the database's
     * CPU during the inbox's bursts (perf, 2026-12-01); prepared and every 10 ms it still gives hundreds of samples
     * per phase.
     */
    private static final long EVERY_MILLIS = 10;

    private final Map<String, Long> backendStates = new TreeMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long samples;
    private long awaitingConnection;
    private final int poolSize;

    private WaitSampler(HikariDataSource pool) {
        poolSize = pool.getMaximumPoolSize();
        thread = Thread.ofPlatform().daemon().start(() -> sample(pool));
    }

    static WaitSampler start(HikariDataSource pool) {
        return new WaitSampler(pool);
    }

    private void sample(HikariDataSource pool) {
        try (Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             PreparedStatement statement = connection.prepareStatement("""
                     select case when backend_type = 'client backend'
                                 then coalesce(wait_event_type || ':' || wait_event, 'on a core')
                                 else backend_type || coalesce(' (' || nullif(left(query, 60), '') || ')', '') end as doing
                     from pg_stat_activity
                     where pid <> pg_backend_pid() and (state = 'active' and backend_type = 'client backend'
                                                        or backend_type in ('autovacuum worker', 'parallel worker'))""")) {
            while (running.get()) {
                try (ResultSet rs = statement.executeQuery()) {
                    synchronized (this) {
                        samples++;
                        awaitingConnection += pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
                        while (rs.next()) {
                            backendStates.merge(rs.getString(1), 1L, Long::sum);
                        }
                    }
                }
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("the wait sampler stopped", e);
        }
    }

    /**
     * Average number of backends in each state, and of threads waiting for the pool, over the samples; autovacuum and
     * parallel workers are named with what they run, as they compete with the measured clients for the cores.
     */
    String stop() throws InterruptedException {
        running.set(false);
        thread.join();
        synchronized (this) {
            double n = Math.max(1, samples);
            return String.format(java.util.Locale.ROOT, "%d samples; threads waiting for a pooled connection %.1f (pool of %d); "
                            + "active backends: %s", samples, awaitingConnection / n,
                    poolSize, backendStates.entrySet().stream()
                            .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / n))
                            .collect(Collectors.joining(", ")));
        }
    }
}
