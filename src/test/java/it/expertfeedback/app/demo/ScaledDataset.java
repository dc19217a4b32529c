package it.expertfeedback.app.demo;

import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.TrustScore;
import it.expertfeedback.faq.CandidateStatus;
import it.expertfeedback.faq.Priority;
import it.expertfeedback.faq.QuestionNormalizer;
import it.expertfeedback.feedback.FeedbackCategory;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.feedback.ReviewVerdict;
import it.expertfeedback.security.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Synthetic Italian data at a multiple of the seed's year-1 volume (1× = 100 experts, 10,000 feedback over the
 * last 365 days, 1,000 FAQ candidates), reproducible from a seed, written with PostgreSQL COPY through the
 * {@link CopyWriter} the demo data uses too. Metrics and
 * trust follow DOMAIN.md §3 from the generated rows; every row satisfies the schema's constraints.
 */
public final class ScaledDataset {

    public static final int EXPERTS_PER_SCALE = 100;
    public static final int FEEDBACK_PER_SCALE = 10_000;
    public static final int CANDIDATES_PER_SCALE = 1_000;
    static final String PASSWORD = "Esperto-bench-2026";
    private static final Logger log = LoggerFactory.getLogger(ScaledDataset.class);
    private static final int DAYS = 365;
    private static final FeedbackType[] TYPES = {FeedbackType.correct, FeedbackType.incomplete, FeedbackType.incorrect};
    private static final FeedbackCategory[] CATEGORIES = FeedbackCategory.values();

    /** What was written, for the log and the benchmark; the reviewer account comes with the dataset. */
    public record Result(int experts, int feedback, int candidates, int reviewerId, String reviewerEmail, Duration took) {
    }

    private final DataSource dataSource;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public ScaledDataset(DataSource dataSource, PasswordEncoder passwordEncoder, Clock clock) {
        this.dataSource = dataSource;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public Result generate(int scale, long seed) {
        Instant started = Instant.now();
        Random random = new Random(seed);
        int reviewerId;
        String reviewerEmail;
        int experts = EXPERTS_PER_SCALE * scale;
        int feedback = FEEDBACK_PER_SCALE * scale;
        int candidates = CANDIDATES_PER_SCALE * scale;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            String tag = Long.toString(seed, 36) + "x" + scale;
            reviewerEmail = "bench-reviewer-" + tag + "@efs.bench";
            reviewerId = reviewer(connection, reviewerEmail);
            List<String> fullTextIndexes = dropFullTextIndexes(connection);
            List<Integer> userIds = users(connection, tag, experts);
            ExpertRow[] profiles = profiles(connection, userIds, random);
            List<UUID> proposals = feedback(connection, profiles, feedback, candidates, reviewerId, random);
            metrics(connection, profiles);
            candidates(connection, proposals, profiles, reviewerId, random);
            recreate(connection, fullTextIndexes);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot generate the synthetic dataset", e);
        }
        Result result = new Result(experts, feedback, candidates, reviewerId, reviewerEmail,
                Duration.between(started, Instant.now()));
        log.info("Synthetic dataset ×{}: {} experts, {} feedback, {} candidates in {} s", scale, experts, feedback,
                candidates, result.took().toSeconds());
        return result;
    }

    /**
     * V14's GIN full-text indexes, dropped for the COPY and built once after it (in the same transaction): kept row
     * by row they made the 100× COPY several times slower. Returns their definitions as PostgreSQL prints them.
     */
    private static List<String> dropFullTextIndexes(Connection connection) throws SQLException {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                select c.relname, pg_get_indexdef(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'i'
                  and c.relname in ('idx_expert_feedback_fts', 'idx_expert_faq_candidates_fts')""");
             var rows = ps.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
                definitions.add(rows.getString(2));
            }
        }
        try (var statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("drop index " + name);
            }
        }
        return definitions;
    }

    private static void recreate(Connection connection, List<String> definitions) throws SQLException {
        try (var statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
        }
    }

    /** Per expert: what trust needs, accumulated while the feedback is written. */
    private static final class ExpertRow {
        final UUID id;
        final List<CredentialType> types;
        final int years;
        final int specializations;
        final boolean verified;
        final boolean active;
        int count;
        int judged;
        int upheld;
        long seconds;

        ExpertRow(UUID id, List<CredentialType> types, int years, int specializations, boolean verified, boolean active) {
            this.id = id;
            this.types = types;
            this.years = years;
            this.specializations = specializations;
            this.verified = verified;
            this.active = active;
        }
    }

    private int reviewer(Connection connection, String email) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "insert into \"user\" (email, display_name, password_hash) values (?, 'Revisore Benchmark', ?) returning id")) {
            ps.setString(1, email);
            ps.setString(2, passwordEncoder.encode(PASSWORD));
            var rs = ps.executeQuery();
            rs.next();
            int id = rs.getInt(1);
            try (PreparedStatement role = connection.prepareStatement("insert into user_role (user_id, role) values (?, '" + Role.REVIEWER.name() + "')")) {
                role.setInt(1, id);
                role.executeUpdate();
            }
            return id;
        }
    }

    private List<Integer> users(Connection connection, String tag, int experts) throws SQLException {
        String hash = passwordEncoder.encode(PASSWORD);
        try (CopyWriter copy = new CopyWriter(connection, "copy \"user\" (email, display_name, password_hash) from stdin")) {
            for (int i = 0; i < experts; i++) {
                copy.row("bench-" + tag + "-" + i + "@efs.bench",
                        DemoDataset.FIRST_NAMES[i % DemoDataset.FIRST_NAMES.length] + " "
                                + DemoDataset.LAST_NAMES[(i / DemoDataset.FIRST_NAMES.length) % DemoDataset.LAST_NAMES.length],
                        hash);
            }
        }
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "select id from \"user\" where email like ? order by id")) {
            ps.setString(1, "bench-" + tag + "-%");
            var rs = ps.executeQuery();
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        try (CopyWriter copy = new CopyWriter(connection, "copy user_role (user_id, role) from stdin")) {
            for (Integer id : ids) {
                copy.row(String.valueOf(id), Role.EXPERT.name());
            }
        }
        return ids;
    }

    private ExpertRow[] profiles(Connection connection, List<Integer> userIds, Random random) throws SQLException {
        ExpertRow[] rows = new ExpertRow[userIds.size()];
        CredentialType[] all = CredentialType.values();
        try (CopyWriter copy = new CopyWriter(connection, """
                copy expert_profiles (id, user_id, credentials, credential_types, experience_years, specializations,
                    professional_registration_number, organization, location_city, is_verified, verification_date, is_active)
                from stdin""")) {
            for (int i = 0; i < rows.length; i++) {
                List<CredentialType> types = new ArrayList<>(List.of(all[random.nextInt(all.length)]));
                if (random.nextInt(3) == 0) {
                    CredentialType second = all[random.nextInt(all.length)];
                    if (!types.contains(second)) {
                        types.add(second);
                    }
                }
                List<String> specializations = new ArrayList<>();
                for (int s = 1 + random.nextInt(4); specializations.size() < s; ) {
                    String tag = DemoDataset.SPECIALIZATIONS[random.nextInt(DemoDataset.SPECIALIZATIONS.length)];
                    if (!specializations.contains(tag)) {
                        specializations.add(tag);
                    }
                }
                boolean verified = random.nextInt(10) != 0;
                boolean active = random.nextInt(20) != 0;
                rows[i] = new ExpertRow(uuid(random), types, 1 + random.nextInt(35), specializations.size(), verified, active);
                String city = DemoDataset.CITIES[random.nextInt(DemoDataset.CITIES.length)];
                copy.row(rows[i].id.toString(), String.valueOf(userIds.get(i)), CopyWriter.array(types.stream().map(t -> "Iscrizione albo " + t.code()).toList()),
                        CopyWriter.array(types.stream().map(CredentialType::code).toList()), String.valueOf(rows[i].years),
                        CopyWriter.array(specializations), "REG-" + (100_000 + i), DemoDataset.ORGANIZATIONS[i % DemoDataset.ORGANIZATIONS.length],
                        city, String.valueOf(verified), verified ? CopyWriter.timestamp(clock.instant().minus(Duration.ofDays(400))) : null,
                        String.valueOf(active));
            }
        }
        return rows;
    }

    /** Returns the ids of the feedback that will propose the candidates. */
    private List<UUID> feedback(Connection connection, ExpertRow[] experts, int count, int candidates, int reviewerId,
                                Random random) throws SQLException {
        List<UUID> proposals = new ArrayList<>(candidates);
        ExpertRow[] submitters = java.util.Arrays.stream(experts).filter(e -> e.verified && e.active).toArray(ExpertRow[]::new);
        Instant now = clock.instant();
        try (CopyWriter copy = new CopyWriter(connection, """
                copy expert_feedback (id, query_id, expert_id, feedback_type, category, query_text, original_answer,
                    expert_answer, regulatory_references, confidence_score, time_spent_seconds, complexity_rating,
                    feedback_timestamp, improvement_applied, review_verdict, reviewed_by, reviewed_at, suggested_category)
                from stdin""")) {
            for (int i = 0; i < count; i++) {
                ExpertRow expert = submitters[random.nextInt(submitters.length)];
                String[] template = DemoDataset.QUESTIONS[random.nextInt(DemoDataset.QUESTIONS.length)];
                int amount = 1 + random.nextInt(150_000);
                FeedbackType type = TYPES[weighted(random)];
                String category = type == FeedbackType.correct ? null : CATEGORIES[random.nextInt(CATEGORIES.length)].code();
                Instant at = now.minus(Duration.ofSeconds(random.nextInt(DAYS * 24 * 3600)));
                boolean judged = at.isBefore(now.minus(Duration.ofDays(3))) && random.nextInt(100) < 45;
                ReviewVerdict verdict = judged ? (random.nextInt(100) < 82 ? ReviewVerdict.upheld : ReviewVerdict.overturned) : null;
                int seconds = 30 + random.nextInt(1800);
                UUID id = uuid(random);
                String reference = DemoDataset.REFERENCES[random.nextInt(DemoDataset.REFERENCES.length)];
                copy.row(id.toString(), uuid(random).toString(), expert.id.toString(), type.code(), category,
                        String.format(template[1], amount),
                        "Per il caso descritto (" + amount + ") si applica la regola generale prevista dalla normativa vigente.",
                        type == FeedbackType.correct ? null : "La risposta corretta per il caso (" + amount + ") richiede di applicare " + reference + ".",
                        CopyWriter.array(List.of(reference)), String.valueOf((50 + random.nextInt(51)) / 100.0), String.valueOf(seconds),
                        String.valueOf(1 + random.nextInt(5)), CopyWriter.timestamp(at), String.valueOf(random.nextInt(10) < 3), verdict == null ? null : verdict.name(),
                        judged ? String.valueOf(reviewerId) : null, judged ? CopyWriter.timestamp(at.plus(Duration.ofDays(2))) : null,
                        template[0]);
                expert.count++;
                expert.seconds += seconds;
                if (judged) {
                    expert.judged++;
                    expert.upheld += verdict == ReviewVerdict.upheld ? 1 : 0;
                }
                if (proposals.size() < candidates && i % Math.max(1, count / candidates) == 0) {
                    proposals.add(id);
                }
            }
        }
        return proposals;
    }

    /** feedback_count, accuracy, average time and trust from the rows, as the recompute would write them. */
    private void metrics(Connection connection, ExpertRow[] experts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                update expert_profiles set feedback_count = ?, feedback_accuracy_rate = ?, average_response_time_seconds = ?,
                    trust_score = ? where id = ?""")) {
            for (ExpertRow e : experts) {
                int average = e.count == 0 ? 0 : (int) Math.round((double) e.seconds / e.count);
                double trust = TrustScore.compute(new TrustScore.Inputs(e.verified, e.types, e.years, e.judged, e.upheld,
                        e.count, average, e.specializations)).total();
                ps.setInt(1, e.count);
                ps.setDouble(2, TrustScore.accuracyRate(e.judged, e.upheld));
                ps.setInt(3, average);
                ps.setDouble(4, trust);
                ps.setObject(5, e.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void candidates(Connection connection, List<UUID> proposals, ExpertRow[] experts, int reviewerId,
                            Random random) throws SQLException {
        Instant now = clock.instant();
        List<String[]> links = new ArrayList<>(proposals.size());
        try (CopyWriter copy = new CopyWriter(connection, """
                copy expert_faq_candidates (id, question, answer, expert_id, expert_trust_score, approval_status, approved_by,
                    approved_at, suggested_category, regulatory_references, frequency, priority_score, created_at,
                    normalized_question, confidence_score, auto_approved)
                from stdin""")) {
            for (int i = 0; i < proposals.size(); i++) {
                ExpertRow expert = experts[random.nextInt(experts.length)];
                String[] template = DemoDataset.QUESTIONS[i % DemoDataset.QUESTIONS.length];
                String question = String.format(template[1], 1_000_000 + i);
                double trust = 0.3 + random.nextInt(70) / 100.0;
                double confidence = (50 + random.nextInt(51)) / 100.0;
                int frequency = 1 + random.nextInt(5);
                int roll = random.nextInt(10);
                CandidateStatus status = roll < 6 ? CandidateStatus.pending : roll < 9 ? CandidateStatus.approved : CandidateStatus.rejected;
                boolean auto = status == CandidateStatus.approved && random.nextInt(4) == 0;
                Instant created = now.minus(Duration.ofSeconds(random.nextInt(DAYS * 24 * 3600)));
                UUID id = uuid(random);
                copy.row(id.toString(), question, "Risposta verificata per il caso " + (1_000_000 + i) + ".",
                        expert.id.toString(), String.valueOf(trust), status.code(),
                        status == CandidateStatus.pending || auto ? null : String.valueOf(reviewerId),
                        status == CandidateStatus.pending ? null : CopyWriter.timestamp(created.plus(Duration.ofHours(1 + random.nextInt(96)))),
                        template[0], CopyWriter.array(List.of(DemoDataset.REFERENCES[i % DemoDataset.REFERENCES.length])),
                        String.valueOf(frequency), Priority.of(confidence, trust, frequency).toPlainString(), CopyWriter.timestamp(created),
                        QuestionNormalizer.normalize(question), String.valueOf(confidence), String.valueOf(auto));
                links.add(new String[] {id.toString(), proposals.get(i).toString()});
            }
        }
        // One COPY at a time per connection: the links follow the candidates.
        try (CopyWriter copy = new CopyWriter(connection, "copy expert_faq_candidate_feedback (candidate_id, feedback_id) from stdin")) {
            for (String[] link : links) {
                copy.row(link);
            }
        }
    }

    private static int weighted(Random random) {
        int roll = random.nextInt(100);
        return roll < 55 ? 0 : roll < 80 ? 1 : 2;
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
    }
}
