package it.expertfeedback.faq;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** priority_score = round2(confidence × trust × frequency × 100), DOMAIN.md §5. A pure function. */
public final class Priority {

    private Priority() {
    }

    public static BigDecimal of(double confidence, double trust, int frequency) {
        return BigDecimal.valueOf(confidence).multiply(BigDecimal.valueOf(trust))
                .multiply(BigDecimal.valueOf(frequency)).multiply(BigDecimal.valueOf(100))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
