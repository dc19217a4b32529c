package it.expertfeedback.base.sql;

import it.expertfeedback.base.validation.TextRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * A WHERE clause of optional filters with its named parameters, for the features' {@code *Queries}: each filter
 * the caller left empty adds nothing. Conditions are trusted SQL written in the Queries class; caller values only
 * ever travel as parameters. {@link #sql()} is empty or starts with a blank, so it is appended right after a
 * table or select list.
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private Where() {
    }

    public static Where where() {
        return new Where();
    }

    /** A condition that always applies. */
    public Where and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** A condition that always applies, with its one parameter. */
    public Where and(String condition, String name, Object value) {
        conditions.add(condition);
        params.put(name, value);
        return this;
    }

    /** A condition without parameters, only when {@code when} holds. */
    public Where andIf(boolean when, String condition) {
        return when ? and(condition) : this;
    }

    /** The condition with {@code value} as parameter {@code name}, only when the value is given. */
    public Where andIfPresent(Object value, String condition, String name) {
        return value == null ? this : and(condition, name, value);
    }

    /** The condition with the value converted for the database (an enum's code, a day's first instant). */
    public <T> Where andIfPresent(T value, String condition, String name, Function<? super T, ?> bind) {
        return value == null ? this : and(condition, name, bind.apply(value));
    }

    /**
     * A code bound without a type (java.sql.Types.OTHER: pgjdbc sends it unspecified), so PostgreSQL types it from
     * the column it is compared with: our enum columns on our schema (their indexes still serve the comparison),
     * the VARCHAR columns of an adopted assistant database (DOMAIN.md §11), where a cast to our enum is refused
     * ("operator does not exist: character varying = feedback_type"). An array column takes the literal
     * {@code "{code}"} the same way.
     */
    public static SqlParameterValue untyped(String code) {
        return new SqlParameterValue(java.sql.Types.OTHER, code);
    }

    /** A text search: blank text adds nothing, otherwise the condition gets the ILIKE pattern as {@code name}. */
    public Where andIfText(String text, String condition, String name) {
        String clean = TextRules.clean(text);
        return clean == null ? this : and(condition, name, TextRules.likePattern(clean));
    }

    /**
     * An Italian full-text search (DOMAIN.md §6): blank text adds nothing, otherwise {@code document @@ query} with
     * the words as {@code name}. {@code document} must be the very expression of a V14 GIN index to use it.
     */
    public Where andIfWords(String text, String document, String name) {
        String clean = TextRules.clean(text);
        return clean == null ? this
                : and(document + " @@ websearch_to_tsquery('efs_italian'::regconfig, :" + name + ")", name, clean);
    }

    /** An extra parameter that the surrounding statement uses (paging, a keyset). */
    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** {@code ""} without conditions, else {@code " where a and b"}. */
    public String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The clause with one more condition that applies to this statement only. */
    public String sqlAnd(String condition) {
        return (conditions.isEmpty() ? " where " : sql() + " and ") + condition;
    }

    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }
}
