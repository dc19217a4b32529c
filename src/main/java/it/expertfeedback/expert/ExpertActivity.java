package it.expertfeedback.expert;

import java.util.UUID;

/**
 * The counts the trust score is derived from, read from the expert's feedback rows. The feedback feature
 * implements it, so the expert feature never reads another feature's tables.
 */
public interface ExpertActivity {

    Stats statsOf(UUID expertId);

    /** feedback rows, those a reviewer judged, those upheld, and the rounded mean time spent. */
    record Stats(int feedbackCount, int resolved, int upheld, int averageResponseTimeSeconds) {
        public static final Stats NONE = new Stats(0, 0, 0, 0);
    }
}
