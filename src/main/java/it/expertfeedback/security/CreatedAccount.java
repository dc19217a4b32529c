package it.expertfeedback.security;

/** A new (or reset) account and its one-time password, which is shown once and never stored in clear. */
public record CreatedAccount(UserAccount account, String oneTimePassword) {
}
