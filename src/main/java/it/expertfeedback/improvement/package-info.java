/**
 * Improvement tasks (DOMAIN.md §9): what an expert said is missing or wrong in an answer, kept in the original
 * system's {@code expert_generated_tasks} table and worked by reviewers (open → in progress → applied / won't fix).
 * {@link it.expertfeedback.improvement.ImprovementService} is the feature's only door.
 */
package it.expertfeedback.improvement;
