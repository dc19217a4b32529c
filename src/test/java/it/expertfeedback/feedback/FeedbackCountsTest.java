package it.expertfeedback.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import it.expertfeedback.support.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The feedback browser's counts for a filter of verdict, category and dates come from the daily rollup (V10);
 * they must be exactly what counting the rows says — on Italian day boundaries around midnight, the daylight-saving
 * changes and new year, and with a feedback that has no timestamp. A database of its own.
 */
class FeedbackCountsTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static JdbcTemplate jdbc;
    private static FeedbackQueries queries;

    @BeforeAll
    static void rowsOnTheBoundaries() {
        String url = TestDatabase.freshDatabaseUrl("counts");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "postgres");
        jdbc = new JdbcTemplate(dataSource);
        int user = jdbc.queryForObject("insert into \"user\" (email, display_name, password_hash) values ('c@efs.test', 'C', 'x') returning id",
                Integer.class);
        UUID expert = jdbc.queryForObject("insert into expert_profiles (user_id) values (?) returning id", UUID.class, user);
        String[] instants = {
            "2024-12-31T23:59:59+01", "2025-01-01T00:00:00+01", "2024-12-31T23:30:00Z", // new year in Rome and in UTC
            "2025-03-30T01:59:00+01", "2025-03-30T03:00:00+02", "2025-03-30T23:59:00+02", // spring forward
            "2025-10-26T02:30:00+02", "2025-10-26T02:30:00+01", "2025-10-26T23:30:00+01", // fall back
            "2025-06-15T00:00:00+02", "2025-06-14T22:00:00Z", "2025-06-15T23:59:59+02"};
        String[] types = {"correct", "incomplete", "incorrect"};
        String[] categories = {"normativa_obsoleta", "caso_mancante", "calcolo_sbagliato"};
        for (int i = 0; i < instants.length * 3; i++) {
            String type = types[i % 3];
            jdbc.update("""
                    insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                        time_spent_seconds, feedback_timestamp)
                    values (gen_random_uuid(), ?, ?::feedback_type, ?::italian_feedback_category, 'q', 'a', 30, ?::timestamptz)""",
                    expert, type, type.equals("correct") ? null : categories[(i / 3) % 3], instants[i % instants.length]);
        }
        jdbc.update("""
                insert into expert_feedback (query_id, expert_id, feedback_type, category, query_text, original_answer,
                    time_spent_seconds, feedback_timestamp)
                values (gen_random_uuid(), ?, 'incorrect', 'caso_mancante', 'q', 'a', 30, null)""", expert);
        queries = new FeedbackQueries(JdbcClient.create(dataSource), Clock.system(ROME));
    }

    @Test
    void every_verdict_category_and_date_filter_counts_as_the_rows_do() {
        List<FeedbackFilter> filters = new ArrayList<>();
        filters.add(FeedbackFilter.none());
        LocalDate[] days = {LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 30),
            LocalDate.of(2025, 3, 31), LocalDate.of(2025, 10, 26), LocalDate.of(2025, 6, 14), LocalDate.of(2025, 6, 15)};
        for (LocalDate day : days) {
            filters.add(FeedbackFilter.none().withFrom(day));
            filters.add(FeedbackFilter.none().withTo(day));
            filters.add(FeedbackFilter.none().withFrom(day).withTo(day));
        }
        for (FeedbackType type : FeedbackType.values()) {
            filters.add(FeedbackFilter.none().withType(type));
            filters.add(FeedbackFilter.none().withType(type).withFrom(LocalDate.of(2025, 1, 1)).withTo(LocalDate.of(2025, 6, 15)));
        }
        for (FeedbackCategory category : FeedbackCategory.values()) {
            filters.add(FeedbackFilter.none().withCategory(category));
            filters.add(FeedbackFilter.none().withCategory(category).withType(FeedbackType.incorrect).withTo(LocalDate.of(2025, 3, 30)));
        }
        for (FeedbackFilter filter : filters) {
            assertThat(queries.count(filter)).as("count %s", filter).isEqualTo(rowCount(filter));
            assertThat(queries.countByType(filter)).as("by verdict %s", filter).isEqualTo(byType(filter));
            assertThat(queries.countByCategory(filter)).as("by category %s", filter).isEqualTo(byCategory(filter));
        }
        assertThat(queries.count(FeedbackFilter.none())).isEqualTo(37); // 36 dated and the one without a timestamp
    }

    private static Map<FeedbackType, Long> byType(FeedbackFilter filter) {
        return nonZeroRowCounts(FeedbackType.class, filter::withType);
    }

    private static Map<FeedbackCategory, Long> byCategory(FeedbackFilter filter) {
        return nonZeroRowCounts(FeedbackCategory.class, filter::withCategory);
    }

    /** Row counts per value of the enum (the filter narrowed to it), values without rows left out. */
    private static <E extends Enum<E>> Map<E, Long> nonZeroRowCounts(Class<E> type, Function<E, FeedbackFilter> narrowed) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            long n = rowCount(narrowed.apply(value));
            if (n > 0) {
                counts.put(value, n);
            }
        }
        return counts;
    }

    /** Counting the rows, days as instants in Rome: what the browser counted before the rollup. */
    private static long rowCount(FeedbackFilter filter) {
        StringBuilder sql = new StringBuilder("select count(*) from expert_feedback where true");
        List<Object> args = new ArrayList<>();
        if (filter.type() != null) {
            sql.append(" and feedback_type = ?::feedback_type");
            args.add(filter.type().code());
        }
        if (filter.category() != null) {
            sql.append(" and category = ?::italian_feedback_category");
            args.add(filter.category().code());
        }
        if (filter.from() != null) {
            sql.append(" and feedback_timestamp >= ?");
            args.add(java.sql.Timestamp.from(filter.from().atStartOfDay(ROME).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and feedback_timestamp < ?");
            args.add(java.sql.Timestamp.from(filter.to().plusDays(1).atStartOfDay(ROME).toInstant()));
        }
        return jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
    }
}
