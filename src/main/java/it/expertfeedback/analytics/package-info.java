/**
 * Analytics: read-only aggregates over feedback and FAQ candidates (DOMAIN.md §6). Built in a later issue;
 * it may read every other feature through their services, and nothing depends on it.
 */
package it.expertfeedback.analytics;
