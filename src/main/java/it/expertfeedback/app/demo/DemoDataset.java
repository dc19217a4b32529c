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
import java.sql.SQLException;
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
 * COPY ({@link CopyWriter}, shared with the benchmark's dataset) because it is bulk data, not a business
 * operation; metrics and trust follow DOMAIN.md §3.
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

        insertUser(ADMIN_EMAIL, "Amministratore Demo", passwordEncoder.encode(ADMIN_PASSWORD), Role.ADMIN);
        String reviewerHash = passwordEncoder.encode(REVIEWER_PASSWORD);
        int reviewerId = insertUser(REVIEWER_EMAILS.get(0), "Giulia Ferrari", reviewerHash, Role.REVIEWER);
        insertUser(REVIEWER_EMAILS.get(1), "Marco Bianchi", reviewerHash, Role.REVIEWER);

        String expertHash = passwordEncoder.encode(EXPERT_PASSWORD);
        List<Expert> experts = new ArrayList<>();
        for (int i = 0; i < EXPERTS; i++) {
            String name = FIRST_NAMES[i % FIRST_NAMES.length] + " " + LAST_NAMES[(i * 7 + i / FIRST_NAMES.length) % LAST_NAMES.length];
            int userId = insertUser(expertEmail(i), name, expertHash, Role.EXPERT);
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

    private int insertUser(String email, String displayName, String hash, Role role) {
        Integer id = jdbc.queryForObject(
                "insert into \"user\" (email, display_name, password_hash) values (?, ?, ?) returning id",
                Integer.class, email, displayName, hash);
        jdbc.update("insert into user_role (user_id, role) values (?, ?)", id, role.name());
        return id;
    }

    private record Expert(UUID id, int userId, List<CredentialType> types, int years, List<String> specializations,
                          boolean verified, boolean active, String registration, String organization, String city) {
    }

    private record Feedback(UUID id, UUID expertId, FeedbackType type, FeedbackCategory category, String question,
                            String answer, String expertAnswer, List<String> references, double confidence, int seconds,
                            int complexity, Instant at, boolean applied, String suggestedCategory, ReviewVerdict verdict) {
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
        FeedbackCategory[] categories = FeedbackCategory.values();
        List<Feedback> rows = new ArrayList<>(FEEDBACK);
        for (int i = 0; i < FEEDBACK; i++) {
            Expert expert = submitters.get(random.nextInt(submitters.size()));
            String[] template = QUESTIONS[random.nextInt(QUESTIONS.length)];
            int amount = (1 + random.nextInt(120)) * (template[1].contains("euro") ? 1000 : 1);
            String question = String.format(template[1], amount);
            int roll = random.nextInt(100);
            FeedbackType type = roll < 55 ? FeedbackType.correct : roll < 80 ? FeedbackType.incomplete : FeedbackType.incorrect;
            FeedbackCategory category = type == FeedbackType.correct ? null : categories[random.nextInt(categories.length)];
            String answer = "Secondo la normativa vigente, per il caso descritto (" + amount + ") si applica la regola "
                    + "generale: occorre verificare i requisiti soggettivi e oggettivi e la documentazione di supporto.";
            String expertAnswer = type == FeedbackType.correct ? null
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
            ReviewVerdict verdict = judged ? (random.nextInt(100) < 82 ? ReviewVerdict.upheld : ReviewVerdict.overturned) : null;
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
            acc[3] += f.verdict() == ReviewVerdict.upheld ? 1 : 0;
        }
        List<String[]> history = new ArrayList<>(experts.size());
        copy("""
                copy expert_profiles (id, user_id, credentials, credential_types, experience_years,
                    specializations, feedback_count, feedback_accuracy_rate, average_response_time_seconds,
                    trust_score, professional_registration_number, organization, location_city, is_verified,
                    verification_date, is_active)
                from stdin""", copy -> {
            for (Expert e : experts) {
                int[] acc = countAndSeconds.getOrDefault(e.id(), new int[4]);
                int count = acc[0];
                int average = count == 0 ? 0 : Math.round((float) acc[1] / count);
                TrustScore.Breakdown breakdown = TrustScore.compute(new TrustScore.Inputs(e.verified(), e.types(),
                        e.years(), acc[2], acc[3], count, average, e.specializations().size()));
                double trust = breakdown.total();
                copy.row(e.id().toString(), String.valueOf(e.userId()),
                        CopyWriter.array(e.types().stream().map(t -> "Iscrizione albo " + t.code().replace('_', ' ')).toList()),
                        CopyWriter.array(e.types().stream().map(CredentialType::code).toList()), String.valueOf(e.years()),
                        CopyWriter.array(e.specializations()), String.valueOf(count),
                        String.valueOf(TrustScore.accuracyRate(acc[2], acc[3])), String.valueOf(average), String.valueOf(trust),
                        e.registration(), e.organization(), e.city(), String.valueOf(e.verified()),
                        e.verified() ? CopyWriter.timestamp(now.minus(Duration.ofDays(DAYS + 30))) : null,
                        String.valueOf(e.active()));
                history.add(new String[] {e.id().toString(), CopyWriter.timestamp(now), String.valueOf(trust),
                        String.valueOf(breakdown.credentials()), String.valueOf(breakdown.experience()),
                        String.valueOf(breakdown.trackRecord()), String.valueOf(breakdown.responsiveness()),
                        String.valueOf(breakdown.breadth()), "recomputed"});
            }
        });
        copy("""
                copy expert_trust_history (expert_id, computed_at, trust_score, credentials, experience,
                    track_record, responsiveness, breadth, reason)
                from stdin""", copy -> {
            for (String[] row : history) {
                copy.row(row);
            }
        });
    }

    private void insertFeedback(List<Feedback> feedback, int reviewerId, Instant now) {
        copy("""
                copy expert_feedback (id, query_id, expert_id, feedback_type, category, query_text,
                    original_answer, expert_answer, regulatory_references, confidence_score, time_spent_seconds,
                    complexity_rating, feedback_timestamp, improvement_applied, review_verdict, reviewed_by,
                    reviewed_at)
                from stdin""", copy -> {
            for (Feedback f : feedback) {
                Instant reviewedAt = f.at().plus(Duration.ofDays(2));
                boolean judged = f.verdict() != null;
                copy.row(f.id().toString(), UUID.randomUUID().toString(), f.expertId().toString(), f.type().code(),
                        f.category() == null ? null : f.category().code(), f.question(), f.answer(), f.expertAnswer(),
                        CopyWriter.array(f.references()), String.valueOf(f.confidence()), String.valueOf(f.seconds()),
                        String.valueOf(f.complexity()), CopyWriter.timestamp(f.at()), String.valueOf(f.applied()),
                        judged ? f.verdict().name() : null, judged ? String.valueOf(reviewerId) : null,
                        judged ? CopyWriter.timestamp(reviewedAt.isAfter(now) ? now : reviewedAt) : null);
            }
        });
    }

    /** One candidate per distinct question among corrections and confirmations; repeats raise its frequency. */
    private int insertCandidates(List<Feedback> feedback, List<Expert> experts, Random random) {
        Map<UUID, Double> trustByExpert = new HashMap<>();
        jdbc.query("select id, trust_score from expert_profiles",
                rs -> { trustByExpert.put(rs.getObject(1, UUID.class), rs.getDouble(2)); });
        Map<String, List<Feedback>> byQuestion = new LinkedHashMap<>();
        for (Feedback f : feedback) {
            if (f.type() == FeedbackType.correct || f.expertAnswer() != null) {
                byQuestion.computeIfAbsent(QuestionNormalizer.normalize(f.question()), k -> new ArrayList<>()).add(f);
            }
        }
        List<List<Feedback>> groups = new ArrayList<>(byQuestion.values());
        int limit = Math.min(300, groups.size());
        Integer reviewerId = jdbc.queryForObject("select id from \"user\" where email = ?", Integer.class,
                REVIEWER_EMAILS.get(0));
        List<String[]> links = new ArrayList<>();
        copy("""
                copy expert_faq_candidates (question, answer, expert_id, expert_trust_score,
                    approval_status, approved_by, approved_at, suggested_category, regulatory_references,
                    frequency, priority_score, created_at, id, normalized_question, confidence_score)
                from stdin""", copy -> {
            for (int i = 0; i < limit; i++) {
                List<Feedback> group = groups.get(i);
                Feedback first = group.get(0);
                double trust = trustByExpert.get(first.expertId());
                int roll = random.nextInt(10);
                CandidateStatus status = roll < 6 ? CandidateStatus.pending : roll < 9 ? CandidateStatus.approved : CandidateStatus.rejected;
                Instant created = first.at();
                boolean pending = status == CandidateStatus.pending;
                UUID candidateId = UUID.randomUUID();
                copy.row(first.question(), first.expertAnswer() != null ? first.expertAnswer() : first.answer(),
                        first.expertId().toString(), String.valueOf(trust), status.code(),
                        pending ? null : String.valueOf(reviewerId),
                        pending ? null : CopyWriter.timestamp(created.plus(Duration.ofHours(2 + random.nextInt(72)))),
                        first.suggestedCategory(), CopyWriter.array(first.references()), String.valueOf(group.size()),
                        Priority.of(first.confidence(), trust, group.size()).toPlainString(), CopyWriter.timestamp(created),
                        candidateId.toString(), QuestionNormalizer.normalize(first.question()),
                        String.valueOf(first.confidence()));
                for (Feedback member : group) {
                    links.add(new String[] {candidateId.toString(), member.id().toString()});
                }
            }
        });
        // One COPY at a time per connection: the links follow the candidates.
        copy("copy expert_faq_candidate_feedback (candidate_id, feedback_id) from stdin", copy -> {
            for (String[] link : links) {
                copy.row(link);
            }
        });
        return limit;
    }

    /** Rows written by one COPY on the transaction's connection. */
    private interface Rows {
        void writeTo(CopyWriter copy) throws SQLException;
    }

    private void copy(String sql, Rows rows) {
        jdbc.execute((Connection connection) -> {
            try (CopyWriter copy = new CopyWriter(connection, sql)) {
                rows.writeTo(copy);
            }
            return null;
        });
    }
}
