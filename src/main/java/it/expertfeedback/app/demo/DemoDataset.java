package it.expertfeedback.app.demo;

import it.expertfeedback.expert.CredentialType;
import it.expertfeedback.expert.TrustScore;
import it.expertfeedback.faq.Priority;
import it.expertfeedback.faq.QuestionNormalizer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reproducible Italian demo dataset (fixed random seed): accounts for every role, experts with real-looking
 * credentials, thousands of verdicts over the last 120 days and a few hundred FAQ candidates. Written with
 * JDBC batches because it is bulk data, not a business operation; metrics and trust follow DOMAIN.md §3.
 */
@Component
class DemoDataset {

    static final String ADMIN_EMAIL = "admin@efs.local";
    static final String ADMIN_PASSWORD = "Admin-demo-2026";
    static final List<String> REVIEWER_EMAILS = List.of("giulia.ferrari@efs.local", "marco.bianchi@efs.local");
    static final String REVIEWER_PASSWORD = "Revisore-demo-2026";
    static final String EXPERT_PASSWORD = "Esperto-demo-2026";
    static final int EXPERTS = 36;
    static final int FEEDBACK = 3_000;
    static final int DAYS = 120;

    static final String[] FIRST_NAMES = {"Alessandro", "Francesca", "Luca", "Chiara", "Matteo", "Sara",
            "Lorenzo", "Valentina", "Andrea", "Elena", "Giorgio", "Martina", "Paolo", "Federica", "Stefano",
            "Silvia", "Roberto", "Laura", "Davide", "Anna", "Simone", "Elisa", "Riccardo", "Giovanna"};
    static final String[] LAST_NAMES = {"Rossi", "Russo", "Esposito", "Romano", "Colombo", "Ricci",
            "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
            "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso"};
    static final String[] CITIES = {"Milano", "Roma", "Torino", "Napoli", "Bologna", "Firenze", "Bari",
            "Padova", "Verona", "Genova", "Brescia", "Palermo"};
    static final String[] ORGANIZATIONS = {"Studio Associato", "Studio Tributario", "CAF Nord",
            "Consulenza del Lavoro", "Revisione & Partners", "Studio Commercialisti Associati"};
    static final String[] SPECIALIZATIONS = {"IVA", "Regime forfettario", "Dichiarativi", "Lavoro",
            "CCNL", "730", "Redditi d'impresa", "Successioni", "Crisi d'impresa", "Bilancio", "Fatturazione elettronica"};

    /** Question templates with a slot for a number, so questions vary like the real ones do. */
    static final String[][] QUESTIONS = {
            {"IVA", "Un cliente in regime forfettario con ricavi di %d euro supera la soglia per l'anno successivo?"},
            {"IVA", "Qual è l'aliquota IVA per la cessione di %d kg di prodotti ortofrutticoli freschi?"},
            {"IVA", "Come si applica il reverse charge a un subappalto edile di %d euro?"},
            {"IVA", "Entro quando va emessa la fattura differita per %d consegne effettuate nel mese?"},
            {"Dichiarativi", "Nel 730 si possono detrarre %d euro di spese veterinarie?"},
            {"Dichiarativi", "Come si indicano nel modello Redditi %d euro di crediti d'imposta per investimenti?"},
            {"Dichiarativi", "Un contribuente con %d euro di redditi fondiari deve presentare il 730?"},
            {"Lavoro", "Quanti giorni di ferie spettano dopo %d mesi con il CCNL Commercio?"},
            {"Lavoro", "Come si calcola il TFR per un dipendente con retribuzione annua di %d euro?"},
            {"Lavoro", "Quale preavviso spetta a un impiegato di quinto livello con %d anni di anzianità?"},
            {"Lavoro", "Come si gestisce la malattia di %d giorni durante il periodo di prova?"},
            {"Regime forfettario", "Un professionista con %d euro di compensi può restare nel forfettario?"},
            {"Regime forfettario", "Qual è il coefficiente di redditività per un'attività con codice ATECO e %d euro di ricavi?"},
            {"Redditi d'impresa", "Come si deduce un'auto aziendale acquistata a %d euro?"},
            {"Redditi d'impresa", "Qual è il limite di deducibilità degli interessi passivi con ROL di %d euro?"},
            {"Fatturazione elettronica", "Lo scarto SdI di una fattura di %d euro entro quanti giorni va corretto?"},
    };
    static final String[] REFERENCES = {"Art. 1, commi 54-89, L. 190/2014", "DPR 633/1972, art. 17",
            "DPR 633/1972, art. 21", "Circolare AdE n. 9/E del 2019", "TUIR, art. 15", "TUIR, art. 164",
            "TUIR, art. 96", "CCNL Commercio, art. 69", "Art. 2120 c.c.", "D.Lgs. 81/2015", "Risoluzione AdE n. 75/E",
            "Provvedimento AdE 30 aprile 2018"};

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoDataset(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    record Summary(int experts, int feedback, int candidates) {
    }

    static String firstExpertEmail() {
        return expertEmail(0);
    }

    boolean databaseIsEmpty() {
        Long users = jdbc.queryForObject("select count(*) from \"user\"", Long.class);
        return users != null && users == 0;
    }

    @Transactional
    Summary seed() {
        Random random = new Random(2026);
        Instant now = clock.instant();

        insertUser(ADMIN_EMAIL, "Amministratore Demo", passwordEncoder.encode(ADMIN_PASSWORD), "ADMIN");
        String reviewerHash = passwordEncoder.encode(REVIEWER_PASSWORD);
        int reviewerId = insertUser(REVIEWER_EMAILS.get(0), "Giulia Ferrari", reviewerHash, "REVIEWER");
        insertUser(REVIEWER_EMAILS.get(1), "Marco Bianchi", reviewerHash, "REVIEWER");

        String expertHash = passwordEncoder.encode(EXPERT_PASSWORD);
        List<Expert> experts = new ArrayList<>();
        for (int i = 0; i < EXPERTS; i++) {
            String name = FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i * 7 + i / FIRST_NAMES.length) % LAST_NAMES.length];
            int userId = insertUser(expertEmail(i), name, expertHash, "EXPERT");
            experts.add(newExpert(userId, i, random));
        }
        List<Feedback> feedback = generateFeedback(experts, random, now);
        insertExperts(experts, feedback, now);
        insertFeedback(feedback, reviewerId, now);
        int candidates = insertCandidates(feedback, experts, random);
        return new Summary(experts.size(), feedback.size(), candidates);
    }

    private static String expertEmail(int index) {
        return "esperto" + (index + 1) + "@efs.local";
    }

    private int insertUser(String email, String displayName, String hash, String role) {
        Integer id = jdbc.queryForObject(
                "insert into \"user\" (email, display_name, password_hash) values (?, ?, ?) returning id",
                Integer.class, email, displayName, hash);
        jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role);
        return id;
    }

    private record Expert(UUID id, int userId, List<CredentialType> types, int years, List<String> specializations,
                          boolean verified, boolean active, String registration, String organization, String city) {
    }

    private record Feedback(UUID id, UUID expertId, String type, String category, String question, String answer,
                            String expertAnswer, List<String> references, double confidence, int seconds,
                            int complexity, Instant at, boolean applied, String suggestedCategory, String verdict) {
    }

    private static Expert newExpert(int userId, int index, Random random) {
        CredentialType[] all = CredentialType.values();
        List<CredentialType> types = new ArrayList<>();
        types.add(all[index % all.length]);
        if (random.nextInt(3) == 0) {
            CredentialType second = all[random.nextInt(all.length)];
            if (!types.contains(second)) {
                types.add(second);
            }
        }
        List<String> specializations = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        while (specializations.size() < count) {
            String s = SPECIALIZATIONS[random.nextInt(SPECIALIZATIONS.length)];
            if (!specializations.contains(s)) {
                specializations.add(s);
            }
        }
        boolean verified = index % 9 != 8;   // a few experts still wait for verification
        boolean active = index % 17 != 16;   // and one or two were deactivated
        String registration = "ODCEC-" + CITIES[index % CITIES.length].substring(0, 2).toUpperCase() + "-"
                + (1000 + random.nextInt(9000));
        return new Expert(UUID.randomUUID(), userId, types, 1 + random.nextInt(30), specializations, verified, active,
                registration, ORGANIZATIONS[index % ORGANIZATIONS.length] + " " + LAST_NAMES[index % LAST_NAMES.length],
                CITIES[index % CITIES.length]);
    }

    private List<Feedback> generateFeedback(List<Expert> experts, Random random, Instant now) {
        List<Expert> submitters = experts.stream().filter(e -> e.verified() && e.active()).toList();
        String[] categories = {"normativa_obsoleta", "interpretazione_errata", "caso_mancante", "calcolo_sbagliato",
                "troppo_generico"};
        List<Feedback> rows = new ArrayList<>(FEEDBACK);
        for (int i = 0; i < FEEDBACK; i++) {
            Expert expert = submitters.get(random.nextInt(submitters.size()));
            String[] template = QUESTIONS[random.nextInt(QUESTIONS.length)];
            int amount = (1 + random.nextInt(120)) * (template[1].contains("euro") ? 1000 : 1);
            String question = String.format(template[1], amount);
            int roll = random.nextInt(100);
            String type = roll < 55 ? "correct" : roll < 80 ? "incomplete" : "incorrect";
            String category = type.equals("correct") ? null : categories[random.nextInt(categories.length)];
            String answer = "Secondo la normativa vigente, per il caso descritto (" + amount + ") si applica la regola "
                    + "generale: occorre verificare i requisiti soggettivi e oggettivi e la documentazione di supporto.";
            String expertAnswer = type.equals("correct") ? null
                    : "Risposta corretta: per il caso descritto (" + amount + ") la norma di riferimento è "
                    + REFERENCES[random.nextInt(REFERENCES.length)] + "; occorre inoltre considerare le eccezioni "
                    + "previste dalla prassi dell'Agenzia delle Entrate.";
            List<String> references = new ArrayList<>();
            for (int r = random.nextInt(3); r > 0; r--) {
                references.add(REFERENCES[random.nextInt(REFERENCES.length)]);
            }
            Instant at = now.minus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
            // Reviewers judged about half of the older feedback and upheld most of it (trust's track record).
            boolean judged = at.isBefore(now.minus(Duration.ofDays(3))) && random.nextInt(100) < 45;
            String verdict = judged ? (random.nextInt(100) < 82 ? "upheld" : "overturned") : null;
            rows.add(new Feedback(UUID.randomUUID(), expert.id(), type, category, question, answer, expertAnswer,
                    references, 0.5 + random.nextInt(51) / 100.0, 60 + random.nextInt(1800), 1 + random.nextInt(5),
                    at, random.nextInt(10) < 3, template[0], verdict));
        }
        return rows;
    }

    private void insertExperts(List<Expert> experts, List<Feedback> feedback, Instant now) {
        Map<UUID, int[]> countAndSeconds = new HashMap<>();
        for (Feedback f : feedback) {
            int[] acc = countAndSeconds.computeIfAbsent(f.expertId(), k -> new int[4]);
            acc[0]++;
            acc[1] += f.seconds();
            acc[2] += f.verdict() == null ? 0 : 1;
            acc[3] += "upheld".equals(f.verdict()) ? 1 : 0;
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into expert_profiles (id, user_id, credentials, credential_types, experience_years,
                        specializations, feedback_count, feedback_accuracy_rate, average_response_time_seconds,
                        trust_score, professional_registration_number, organization, location_city, is_verified,
                        verification_date, is_active)
                    values (?, ?, ?, ?::expert_credential_type[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement history = connection.prepareStatement("""
                    insert into expert_trust_history (expert_id, computed_at, trust_score, credentials, experience,
                        track_record, responsiveness, breadth, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'recomputed')""")) {
                for (Expert e : experts) {
                    int[] acc = countAndSeconds.getOrDefault(e.id(), new int[4]);
                    int count = acc[0];
                    int average = count == 0 ? 0 : Math.round((float) acc[1] / count);
                    TrustScore.Breakdown breakdown = TrustScore.compute(new TrustScore.Inputs(e.verified(), e.types(),
                            e.years(), acc[2], acc[3], count, average, e.specializations().size()));
                    double trust = breakdown.total();
                    ps.setObject(1, e.id());
                    ps.setInt(2, e.userId());
                    ps.setArray(3, textArray(connection, e.types().stream()
                            .map(t -> "Iscrizione albo " + t.code().replace('_', ' ')).toList()));
                    ps.setArray(4, textArray(connection, e.types().stream().map(CredentialType::code).toList()));
                    ps.setInt(5, e.years());
                    ps.setArray(6, textArray(connection, e.specializations()));
                    ps.setInt(7, count);
                    ps.setDouble(8, TrustScore.accuracyRate(acc[2], acc[3]));
                    ps.setInt(9, average);
                    ps.setDouble(10, trust);
                    ps.setString(11, e.registration());
                    ps.setString(12, e.organization());
                    ps.setString(13, e.city());
                    ps.setBoolean(14, e.verified());
                    ps.setTimestamp(15, e.verified() ? Timestamp.from(now.minus(Duration.ofDays(DAYS + 30))) : null);
                    ps.setBoolean(16, e.active());
                    ps.addBatch();
                    history.setObject(1, e.id());
                    history.setTimestamp(2, Timestamp.from(now));
                    history.setDouble(3, trust);
                    history.setDouble(4, breakdown.credentials());
                    history.setDouble(5, breakdown.experience());
                    history.setDouble(6, breakdown.trackRecord());
                    history.setDouble(7, breakdown.responsiveness());
                    history.setDouble(8, breakdown.breadth());
                    history.addBatch();
                }
                ps.executeBatch();
                history.executeBatch();
            }
            return null;
        });
    }

    private void insertFeedback(List<Feedback> feedback, int reviewerId, Instant now) {
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into expert_feedback (id, query_id, expert_id, feedback_type, category, query_text,
                        original_answer, expert_answer, regulatory_references, confidence_score, time_spent_seconds,
                        complexity_rating, feedback_timestamp, improvement_applied, review_verdict, reviewed_by,
                        reviewed_at)
                    values (?, ?, ?, ?::feedback_type, ?::italian_feedback_category, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int inBatch = 0;
                for (Feedback f : feedback) {
                    ps.setObject(1, f.id());
                    ps.setObject(2, UUID.randomUUID());
                    ps.setObject(3, f.expertId());
                    ps.setString(4, f.type());
                    ps.setString(5, f.category());
                    ps.setString(6, f.question());
                    ps.setString(7, f.answer());
                    ps.setString(8, f.expertAnswer());
                    ps.setArray(9, textArray(connection, f.references()));
                    ps.setDouble(10, f.confidence());
                    ps.setInt(11, f.seconds());
                    ps.setInt(12, f.complexity());
                    ps.setTimestamp(13, Timestamp.from(f.at()));
                    ps.setBoolean(14, f.applied());
                    ps.setString(15, f.verdict());
                    ps.setObject(16, f.verdict() == null ? null : reviewerId, java.sql.Types.INTEGER);
                    Instant reviewedAt = f.at().plus(Duration.ofDays(2));
                    ps.setTimestamp(17, f.verdict() == null ? null : Timestamp.from(reviewedAt.isAfter(now) ? now : reviewedAt));
                    ps.addBatch();
                    if (++inBatch % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** One candidate per distinct question among corrections and confirmations; repeats raise its frequency. */
    private int insertCandidates(List<Feedback> feedback, List<Expert> experts, Random random) {
        Map<UUID, Double> trustByExpert = new HashMap<>();
        jdbc.query("select id, trust_score from expert_profiles",
                rs -> { trustByExpert.put(rs.getObject(1, UUID.class), rs.getDouble(2)); });
        Map<String, List<Feedback>> byQuestion = new LinkedHashMap<>();
        for (Feedback f : feedback) {
            if (f.type().equals("correct") || f.expertAnswer() != null) {
                byQuestion.computeIfAbsent(QuestionNormalizer.normalize(f.question()), k -> new ArrayList<>()).add(f);
            }
        }
        List<List<Feedback>> groups = new ArrayList<>(byQuestion.values());
        int limit = Math.min(300, groups.size());
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into expert_faq_candidates (question, answer, expert_id, expert_trust_score,
                        approval_status, approved_by, approved_at, suggested_category, regulatory_references,
                        frequency, priority_score, created_at, id, normalized_question, confidence_score)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement link = connection.prepareStatement(
                         "insert into expert_faq_candidate_feedback (candidate_id, feedback_id) values (?, ?)")) {
                Integer reviewerId = jdbc.queryForObject("select id from \"user\" where email = ?", Integer.class,
                        REVIEWER_EMAILS.get(0));
                for (int i = 0; i < limit; i++) {
                    List<Feedback> group = groups.get(i);
                    Feedback first = group.get(0);
                    double trust = trustByExpert.get(first.expertId());
                    int roll = random.nextInt(10);
                    String status = roll < 6 ? "pending" : roll < 9 ? "approved" : "rejected";
                    Instant created = first.at();
                    ps.setString(1, first.question());
                    ps.setString(2, first.expertAnswer() != null ? first.expertAnswer() : first.answer());
                    ps.setObject(3, first.expertId());
                    ps.setDouble(4, trust);
                    ps.setString(5, status);
                    if (status.equals("pending")) {
                        ps.setObject(6, null);
                        ps.setTimestamp(7, null);
                    } else {
                        ps.setInt(6, reviewerId);
                        ps.setTimestamp(7, Timestamp.from(created.plus(Duration.ofHours(2 + random.nextInt(72)))));
                    }
                    ps.setString(8, first.suggestedCategory());
                    ps.setArray(9, textArray(connection, first.references()));
                    ps.setInt(10, group.size());
                    ps.setBigDecimal(11, Priority.of(first.confidence(), trust, group.size()));
                    ps.setTimestamp(12, Timestamp.from(created));
                    UUID candidateId = UUID.randomUUID();
                    ps.setObject(13, candidateId);
                    ps.setString(14, QuestionNormalizer.normalize(first.question()));
                    ps.setDouble(15, first.confidence());
                    ps.addBatch();
                    for (Feedback member : group) {
                        link.setObject(1, candidateId);
                        link.setObject(2, member.id());
                        link.addBatch();
                    }
                }
                ps.executeBatch();
                link.executeBatch();
            }
            return null;
        });
        return limit;
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }
}
