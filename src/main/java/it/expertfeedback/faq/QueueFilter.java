package it.expertfeedback.faq;

/** What the approval queue is filtered by; every part optional. */
public record QueueFilter(String suggestedCategory, String expertText, Double minTrust, Integer minFrequency,
                          String text) {

    public static QueueFilter none() {
        return new QueueFilter(null, null, null, null, null);
    }

    public QueueFilter withSuggestedCategory(String v) { return new QueueFilter(v, expertText, minTrust, minFrequency, text); }
    public QueueFilter withExpertText(String v) { return new QueueFilter(suggestedCategory, v, minTrust, minFrequency, text); }
    public QueueFilter withMinTrust(Double v) { return new QueueFilter(suggestedCategory, expertText, v, minFrequency, text); }
    public QueueFilter withMinFrequency(Integer v) { return new QueueFilter(suggestedCategory, expertText, minTrust, v, text); }
    public QueueFilter withText(String v) { return new QueueFilter(suggestedCategory, expertText, minTrust, minFrequency, v); }
}
