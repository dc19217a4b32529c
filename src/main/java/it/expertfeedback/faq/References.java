package it.expertfeedback.faq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Regulatory references of a published FAQ, each once. Experts behind a merged candidate cite the same article in
 * slightly different spellings ("Art. 19 DPR 633/72", "art. 19  dpr 633/72"): the same reference once case, spacing
 * and a trailing full stop are ignored; the first spelling is kept. Pure.
 */
public final class References {

    private References() {
    }

    public static List<String> distinct(List<String> references) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String reference : references == null ? List.<String>of() : references) {
            if (reference == null || reference.isBlank()) {
                continue;
            }
            String shown = reference.strip().replaceAll("\\s+", " ");
            byKey.putIfAbsent(key(shown), shown);
        }
        return new ArrayList<>(byKey.values());
    }

    private static String key(String reference) {
        String key = reference.toLowerCase(Locale.ROOT).replaceAll("\\s*([.,;:/()\\-])\\s*", "$1");
        return key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
    }
}
