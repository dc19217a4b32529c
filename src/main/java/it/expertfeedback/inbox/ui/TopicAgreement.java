package it.expertfeedback.inbox.ui;

import it.expertfeedback.analytics.Agreement;
import it.expertfeedback.feedback.FeedbackType;
import it.expertfeedback.inbox.MultiReview;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Agreement of the requests with several reviews, per topic: share of unanimous ones and Fleiss' kappa. */
record TopicAgreement(String topic, int requests, double unanimous, OptionalDouble kappa) {

    static final List<String> VERDICTS = Arrays.stream(FeedbackType.values()).map(FeedbackType::code).toList();

    static List<TopicAgreement> of(List<MultiReview> reviews) {
        Map<String, List<List<String>>> byTopic = new TreeMap<>();
        for (MultiReview review : reviews) {
            byTopic.computeIfAbsent(review.topic() == null ? "—" : review.topic(), t -> new java.util.ArrayList<>())
                    .add(review.verdicts());
        }
        return byTopic.entrySet().stream().map(e -> new TopicAgreement(e.getKey(), e.getValue().size(),
                Agreement.unanimousShare(e.getValue()), Agreement.fleissKappaByRaterCount(e.getValue(), VERDICTS))).toList();
    }
}
