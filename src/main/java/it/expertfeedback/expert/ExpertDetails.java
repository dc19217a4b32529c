package it.expertfeedback.expert;

import java.util.List;

/**
 * Everything the expert detail shows: the profile, who it belongs to, the trust score taken apart and
 * how it changed over time.
 */
public record ExpertDetails(ExpertProfile profile, String displayName, String email, ExpertActivity.Stats stats,
                            TrustScore.Breakdown trust, List<TrustHistoryEntry> history) {
}
