/**
 * Analytics: read-only aggregates over feedback, experts and FAQ candidates (DOMAIN.md §6). The one feature
 * that reads the other features' tables directly, and only with aggregate SQL (DD009): figures leave the
 * database, rows never do. Nothing depends on it.
 */
package it.expertfeedback.analytics;
