package it.expertfeedback.base.db;

/** Present as a bean only when the application runs on its own embedded PostgreSQL. */
public record EmbeddedDatabase(String jdbcUrl) {
}
