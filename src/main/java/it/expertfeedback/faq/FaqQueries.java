package it.expertfeedback.faq;

import it.expertfeedback.base.sql.Where;
import it.expertfeedback.base.validation.TextRules;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All of the FAQ feature's SQL (services hold none): the queue by priority, similar questions, the golden set, an
 * expert's own, plus the few statements JPA does not express (the dedup lock, candidate links, the settings row).
 * Proposers' names and user ids come from expert's published view {@code expert_names}, the feedback behind a
 * candidate from feedback's {@code feedback_facts} (V13).
 */
@Component
class FaqQueries {

    private static final String SELECT = """
            select c.id, c.question, c.answer, c.suggested_category, c.suggested_tags, c.regulatory_references,
                   c.frequency, c.priority_score, c.expert_id, u.user_id as expert_user_id, u.display_name, c.expert_trust_score, c.approval_status,
                   c.auto_approved, c.rejection_reason, c.created_at, c.approved_at, c.updated_at, c.version,
                   c.published_version, c.retired_at, c.retirement_reason
            from expert_faq_candidates c
            left join expert_names u on u.expert_id = c.expert_id""";

    private static final RowMapper<CandidateRow> ROW = (rs, n) -> new CandidateRow(rs.getObject("id", UUID.class),
            rs.getString("question"), rs.getString("answer"), rs.getString("suggested_category"),
            texts(rs, "suggested_tags"), texts(rs, "regulatory_references"), rs.getInt("frequency"),
            rs.getBigDecimal("priority_score"), rs.getObject("expert_id", UUID.class),
            (Integer) rs.getObject("expert_user_id"), rs.getString("display_name"),
            (Double) rs.getObject("expert_trust_score"), CandidateStatus.valueOf(rs.getString("approval_status")), rs.getBoolean("auto_approved"),
            rs.getString("rejection_reason"), instant(rs, "created_at"), instant(rs, "approved_at"),
            instant(rs, "updated_at"), rs.getLong("version"), rs.getInt("published_version"), instant(rs, "retired_at"),
            rs.getString("retirement_reason"));

    private final JdbcClient jdbc;

    FaqQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Pending candidates, highest priority first (idx_expert_faq_candidates_priority). */
    List<CandidateRow> queue(QueueFilter filter, long offset, int limit) {
        Where where = queueWhere(filter);
        return jdbc.sql(SELECT + where.sql() + " order by c.priority_score desc, c.created_at, c.id limit :limit offset :offset")
                .params(where.params()).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    long queueCount(QueueFilter filter) {
        Where where = queueWhere(filter);
        // The proposer's account is joined only when the filter names it: with the (removable) joins in the query,
        // PostgreSQL counts 60,000 pending rows of 100,000 by reading the table (≈ 30 ms) instead of the status
        // index (≈ 6 ms, index-only).
        String from = TextRules.clean(filter.expertText()) == null ? " from expert_faq_candidates c"
                : " from expert_faq_candidates c left join expert_names u on u.expert_id = c.expert_id";
        return jdbc.sql("select count(*)" + from + where.sql()).params(where.params()).query(Long.class).single();
    }

    /** How many pending rows come before this one in queue order: its position, for next / previous. */
    long positionInQueue(QueueFilter filter, CandidateRow row) {
        Where where = queueWhere(filter);
        where.param("p", row.priorityScore()).param("c", Timestamp.from(row.createdAt())).param("id", row.id());
        return jdbc.sql("select count(*) from expert_faq_candidates c left join expert_names u on u.expert_id = c.expert_id"
                        + where.sql()
                        + " and (c.priority_score > :p or (c.priority_score = :p and (c.created_at < :c"
                        + " or (c.created_at = :c and c.id < :id))))")
                .params(where.params()).query(Long.class).single();
    }

    List<String> pendingCategories() {
        return jdbc.sql("""
                select distinct suggested_category from expert_faq_candidates
                where approval_status = 'pending' and suggested_category is not null order by 1""")
                .query(String.class).list();
    }

    /**
     * Approved or pending questions most like this one, by trigram similarity of the normalized text (accents,
     * punctuation and case already gone; word order barely matters to trigrams). Uses the trigram GIN index.
     */
    List<SimilarQuestion> similar(UUID candidateId, String normalizedQuestion, int limit) {
        return jdbc.sql("""
                        select id, question, answer, approval_status, similarity(normalized_question, :q) as similarity
                        from expert_faq_candidates
                        where approval_status in ('approved', 'pending') and id <> :id
                          and normalized_question % :q
                        order by similarity desc, id limit :limit""")
                .param("q", normalizedQuestion).param("id", candidateId).param("limit", limit)
                .query((rs, n) -> new SimilarQuestion(rs.getObject("id", UUID.class), rs.getString("question"),
                        rs.getString("answer"), CandidateStatus.valueOf(rs.getString("approval_status")), rs.getDouble("similarity")))
                .list();
    }

    /** An approved FAQ with the same normalized question and a different answer blocks auto-approval (§5). */
    boolean approvedWithDifferentAnswer(String normalizedQuestion, String answer) {
        return jdbc.sql("""
                        select exists (select 1 from expert_faq_candidates where approval_status = 'approved'
                          and normalized_question = :q and btrim(answer) <> btrim(:answer))""")
                .param("q", normalizedQuestion).param("answer", answer).query(Boolean.class).single();
    }

    /** Approved FAQs, oldest change first (stable for incremental sync), optionally since an instant. */
    List<CandidateRow> goldenSet(String text, String category, Instant updatedSince, long offset, int limit) {
        Where where = goldenWhere(text, category, updatedSince);
        return jdbc.sql(SELECT + where.sql() + " order by c.updated_at, c.id limit :limit offset :offset")
                .params(where.params()).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    long goldenSetCount(String text, String category, Instant updatedSince) {
        Where where = goldenWhere(text, category, updatedSince);
        return jdbc.sql("select count(*) from expert_faq_candidates c" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /**
     * Where one FAQ stands in {@link #goldenSet}'s order (updated_at, id) under these filters: how many rows come
     * before it; empty when the filters leave it out (a shared link with other filters, a retired FAQ).
     */
    java.util.OptionalLong goldenSetPosition(String text, String category, UUID id) {
        Where where = goldenWhere(text, category, null).param("id", id);
        return jdbc.sql("select (select count(*) from expert_faq_candidates c" + where.sqlAnd(
                        "(c.updated_at < t.updated_at or (c.updated_at = t.updated_at and c.id < t.id))") + ") as position"
                        + " from expert_faq_candidates t where t.id = :id and exists (select 1 from expert_faq_candidates c"
                        + where.sqlAnd("c.id = :id") + ")")
                .params(where.params()).query(Long.class).optional()
                .map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty());
    }

    List<String> approvedCategories() {
        return jdbc.sql("""
                select distinct suggested_category from expert_faq_candidates
                where approval_status = 'approved' and suggested_category is not null order by 1""")
                .query(String.class).list();
    }

    /** Candidates proposed by the expert or fed by their feedback, newest first. */
    List<CandidateRow> ofExpert(UUID expertId, long offset, int limit) {
        return jdbc.sql(SELECT + OF_EXPERT + " order by c.created_at desc, c.id limit :limit offset :offset")
                .param("expert", expertId).param("limit", limit).param("offset", offset).query(ROW).list();
    }

    long ofExpertCount(UUID expertId) {
        return jdbc.sql("select count(*) from expert_faq_candidates c" + OF_EXPERT).param("expert", expertId)
                .query(Long.class).single();
    }

    // Starts with a blank: it is appended right after a select list or table name.
    private static final String OF_EXPERT = " " + """
            where c.expert_id = :expert or exists (select 1 from expert_faq_candidate_feedback l
                join feedback_facts f on f.id = l.feedback_id where l.candidate_id = c.id and f.expert_id = :expert)""";

    /** Every published version of a FAQ, oldest first, with the editor's name (expert's published account view). */
    List<FaqVersion> versions(UUID candidateId) {
        return jdbc.sql("""
                        select v.version, v.question, v.answer, v.suggested_category, v.suggested_tags,
                               v.regulatory_references, v.reason, v.edited_by, a.display_name, v.edited_at
                        from faq_versions v left join account_names a on a.user_id = v.edited_by
                        where v.candidate_id = :id order by v.version""")
                .param("id", candidateId)
                .query((rs, n) -> new FaqVersion(rs.getInt("version"), rs.getString("question"), rs.getString("answer"),
                        rs.getString("suggested_category"), texts(rs, "suggested_tags"), texts(rs, "regulatory_references"),
                        rs.getString("reason"), (Integer) rs.getObject("edited_by"), rs.getString("display_name"),
                        instant(rs, "edited_at")))
                .list();
    }

    void insertVersion(UUID candidateId, FaqVersion version) {
        jdbc.sql("""
                        insert into faq_versions (candidate_id, version, question, answer, suggested_category, suggested_tags,
                                                  regulatory_references, reason, edited_by, edited_at)
                        values (:id, :version, :question, :answer, :category, :tags, :refs, :reason, :by, :at)""")
                .param("id", candidateId).param("version", version.version()).param("question", version.question())
                .param("answer", version.answer()).param("category", version.suggestedCategory())
                .param("tags", version.suggestedTags().toArray(String[]::new))
                .param("refs", version.regulatoryReferences().toArray(String[]::new))
                .param("reason", version.reason()).param("by", version.editedBy())
                .param("at", Timestamp.from(version.editedAt()))
                .update();
    }

    // ---- statements for the services ------------------------------------------------------------------------

    /**
     * Two submissions of the same question at once must not create two candidates: the second waits here until
     * the first commits, then finds its candidate. Transaction-scoped advisory lock per normalized question.
     */
    /** The document of V14's idx_expert_faq_candidates_fts, verbatim: question and answer, stemmed, unaccented. */
    static final String SEARCHABLE =
            "to_tsvector('efs_italian'::regconfig, coalesce(c.question, '') || ' ' || coalesce(c.answer, ''))";

    void lockQuestion(String normalizedQuestion) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(:key))").param("key", "faq:" + normalizedQuestion)
                .query(Integer.class).single();
    }

    /** The dedup key of a candidate, read before its question's lock is taken (DD012). */
    Optional<String> normalizedQuestionOf(UUID candidateId) {
        return jdbc.sql("select coalesce(normalized_question, '') from expert_faq_candidates where id = :id").param("id", candidateId)
                .query(String.class).optional();
    }

    void link(UUID candidateId, UUID feedbackId) {
        jdbc.sql("insert into expert_faq_candidate_feedback (candidate_id, feedback_id) values (:c, :f) on conflict do nothing")
                .param("c", candidateId).param("f", feedbackId).update();
    }

    /** The candidate a feedback produced or was merged into, if any. */
    Optional<ProposalOutcome> candidateOfFeedback(UUID feedbackId) {
        return jdbc.sql("""
                        select c.id, c.frequency, c.approval_status from expert_faq_candidate_feedback l
                        join expert_faq_candidates c on c.id = l.candidate_id where l.feedback_id = :f""")
                .param("f", feedbackId)
                .query((rs, n) -> new ProposalOutcome(rs.getObject("id", UUID.class), false, rs.getInt("frequency"),
                        CandidateStatus.valueOf(rs.getString("approval_status"))))
                .optional();
    }

    /** Who proposed: the account behind the expert profile, so a decision needs no trip through other features. */
    Optional<Proposer> proposer(UUID expertId) {
        return jdbc.sql("select user_id, display_name from expert_names where expert_id = :expert")
                .param("expert", expertId)
                .query((rs, n) -> new Proposer(rs.getInt("user_id"), rs.getString("display_name")))
                .optional();
    }

    record Proposer(int userId, String displayName) {
    }

    Optional<AutoApprovalSettings> autoApprovalSettings() {
        return jdbc.sql("select min_trust, min_confidence, min_resolved, enabled from faq_auto_approval_settings where id = 1")
                .query((rs, n) -> new AutoApprovalSettings(rs.getDouble("min_trust"), rs.getDouble("min_confidence"),
                        rs.getInt("min_resolved"), rs.getBoolean("enabled")))
                .optional();
    }

    void saveAutoApprovalSettings(AutoApprovalSettings settings, Instant at, int byUserId) {
        jdbc.sql("""
                        insert into faq_auto_approval_settings (id, min_trust, min_confidence, min_resolved, enabled, updated_at, updated_by)
                        values (1, :trust, :confidence, :resolved, :enabled, :at, :by)
                        on conflict (id) do update set min_trust = excluded.min_trust, min_confidence = excluded.min_confidence,
                            min_resolved = excluded.min_resolved, enabled = excluded.enabled,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("trust", settings.minTrust()).param("confidence", settings.minConfidence())
                .param("resolved", settings.minResolved()).param("enabled", settings.enabled())
                .param("at", Timestamp.from(at)).param("by", byUserId)
                .update();
    }

    private static Where queueWhere(QueueFilter filter) {
        return Where.where()
                .and("c.approval_status = 'pending'")
                .andIfPresent(TextRules.clean(filter.suggestedCategory()), "c.suggested_category = :category", "category")
                .andIfText(filter.expertText(), "(u.display_name ilike :expert or u.email ilike :expert)", "expert")
                .andIfPresent(filter.minTrust(), "c.expert_trust_score >= :minTrust", "minTrust")
                .andIfPresent(filter.minFrequency(), "c.frequency >= :minFrequency", "minFrequency")
                .andIfText(filter.text(), "(c.question ilike :text or c.answer ilike :text)", "text");
    }

    // Without updated_since a caller wants what to serve now: live FAQs only. With it, a caller syncs changes, and a
    // retirement is a change it must hear about (status "retired") to stop serving the answer.
    private static Where goldenWhere(String text, String category, Instant updatedSince) {
        return Where.where()
                .and(updatedSince == null ? "c.approval_status = 'approved' and c.retired_at is null"
                        : "c.approval_status = 'approved'")
                .andIfWords(text, SEARCHABLE, "text")
                .andIfPresent(TextRules.clean(category), "c.suggested_category = :category", "category")
                .andIfPresent(updatedSince, "c.updated_at > :since", "since", Timestamp::from);
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
