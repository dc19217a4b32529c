package it.expertfeedback.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Agreement between reviewers of the same answer (DOMAIN.md §8, issue 15): pure functions, no database.
 * Cohen's kappa for two fixed raters over a k × k table; Fleiss' kappa for any number of items each judged by the
 * same number of (not necessarily the same) raters, which is the inbox's case (2 or 3 different experts per request).
 * Kappa is undefined when chance agreement is total (every verdict the same category): then it is empty.
 */
public final class Agreement {

    private Agreement() {
    }

    /** Cohen's kappa: {@code table[i][j]} = items rater A put in category i and rater B in category j. */
    public static OptionalDouble cohensKappa(long[][] table) {
        int k = table.length;
        double total = 0;
        double[] rows = new double[k];
        double[] cols = new double[k];
        double agreed = 0;
        for (int i = 0; i < k; i++) {
            if (table[i].length != k) {
                throw new IllegalArgumentException("Cohen's kappa needs a square table");
            }
            for (int j = 0; j < k; j++) {
                total += table[i][j];
                rows[i] += table[i][j];
                cols[j] += table[i][j];
            }
            agreed += table[i][i];
        }
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double observed = agreed / total;
        double chance = 0;
        for (int i = 0; i < k; i++) {
            chance += (rows[i] / total) * (cols[i] / total);
        }
        return chance == 1 ? OptionalDouble.empty() : OptionalDouble.of((observed - chance) / (1 - chance));
    }

    /**
     * Fleiss' kappa: {@code counts[i][j]} = how many raters put item i in category j; every item has the same
     * number of ratings (at least 2).
     */
    public static OptionalDouble fleissKappa(long[][] counts) {
        if (counts.length == 0) {
            return OptionalDouble.empty();
        }
        int k = counts[0].length;
        long n = 0;
        for (long c : counts[0]) {
            n += c;
        }
        if (n < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least two ratings per item");
        }
        double[] categoryTotals = new double[k];
        double meanItemAgreement = 0;
        for (long[] item : counts) {
            long ratings = 0;
            double squares = 0;
            for (int j = 0; j < k; j++) {
                ratings += item[j];
                squares += (double) item[j] * item[j];
                categoryTotals[j] += item[j];
            }
            if (ratings != n) {
                throw new IllegalArgumentException("Fleiss' kappa needs the same number of ratings for every item");
            }
            meanItemAgreement += (squares - n) / (n * (n - 1.0));
        }
        meanItemAgreement /= counts.length;
        double chance = 0;
        for (double total : categoryTotals) {
            double share = total / (counts.length * (double) n);
            chance += share * share;
        }
        return chance == 1 ? OptionalDouble.empty()
                : OptionalDouble.of((meanItemAgreement - chance) / (1 - chance));
    }

    /** Items judged by equally many raters, by category code, as Fleiss' table rows. */
    public static long[][] countTable(List<List<String>> verdictsPerItem, List<String> categories) {
        long[][] table = new long[verdictsPerItem.size()][categories.size()];
        for (int i = 0; i < verdictsPerItem.size(); i++) {
            for (String verdict : verdictsPerItem.get(i)) {
                int j = categories.indexOf(verdict);
                if (j < 0) {
                    throw new IllegalArgumentException("Unknown category " + verdict);
                }
                table[i][j]++;
            }
        }
        return table;
    }

    /** Share of items on which every rater gave the same verdict. */
    public static double unanimousShare(List<List<String>> verdictsPerItem) {
        if (verdictsPerItem.isEmpty()) {
            return 0;
        }
        long unanimous = verdictsPerItem.stream().filter(v -> v.stream().distinct().count() <= 1).count();
        return unanimous / (double) verdictsPerItem.size();
    }

    /**
     * Fleiss' kappa over items with varying numbers of raters: computed per number of raters and combined weighted
     * by items (requests with 2 reviews and with 3 reviews are separate tables).
     */
    public static OptionalDouble fleissKappaByRaterCount(List<List<String>> verdictsPerItem, List<String> categories) {
        Map<Integer, List<List<String>>> byRaters = new LinkedHashMap<>();
        for (List<String> verdicts : verdictsPerItem) {
            if (verdicts.size() >= 2) {
                byRaters.computeIfAbsent(verdicts.size(), size -> new ArrayList<>()).add(verdicts);
            }
        }
        double weighted = 0;
        long items = 0;
        for (List<List<String>> group : byRaters.values()) {
            OptionalDouble kappa = fleissKappa(countTable(group, categories));
            if (kappa.isPresent()) {
                weighted += kappa.getAsDouble() * group.size();
                items += group.size();
            }
        }
        return items == 0 ? OptionalDouble.empty() : OptionalDouble.of(weighted / items);
    }

    /** A kappa and which one it is ("cohen" or "fleiss"). */
    public record Kappa(double value, String method) {
    }

    /**
     * The kappa the dashboard shows for a set of requests: Cohen's when every request had exactly two reviews (the
     * first and the second verdict to come in are the two raters), otherwise Fleiss' per number of raters, weighted
     * by requests ({@link #fleissKappaByRaterCount}). Empty when undefined or when no request has two verdicts.
     */
    public static Optional<Kappa> kappa(List<List<String>> verdictsPerItem, List<String> categories) {
        List<List<String>> rated = verdictsPerItem.stream().filter(v -> v.size() >= 2).toList();
        if (rated.isEmpty()) {
            return Optional.empty();
        }
        if (rated.stream().allMatch(v -> v.size() == 2)) {
            long[][] table = new long[categories.size()][categories.size()];
            for (List<String> pair : rated) {
                table[index(categories, pair.get(0))][index(categories, pair.get(1))]++;
            }
            OptionalDouble cohen = cohensKappa(table);
            return cohen.isPresent() ? Optional.of(new Kappa(cohen.getAsDouble(), "cohen")) : Optional.empty();
        }
        OptionalDouble fleiss = fleissKappaByRaterCount(rated, categories);
        return fleiss.isPresent() ? Optional.of(new Kappa(fleiss.getAsDouble(), "fleiss")) : Optional.empty();
    }

    private static int index(List<String> categories, String verdict) {
        int j = categories.indexOf(verdict);
        if (j < 0) {
            throw new IllegalArgumentException("Unknown category " + verdict);
        }
        return j;
    }
}
