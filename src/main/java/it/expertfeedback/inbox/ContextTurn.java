package it.expertfeedback.inbox;

/** One earlier turn of the conversation the answer belongs to: who spoke ({@code user} or {@code assistant}) and what. */
public record ContextTurn(String role, String text) {
}
