package it.expertfeedback.base.db;

/** The preflight found something that would make a migration fail: nothing was changed. */
public final class AdoptionBlocked extends IllegalStateException {

    private final transient AdoptionReport report;

    AdoptionBlocked(AdoptionReport report) {
        super("The database cannot be migrated as it is; nothing was changed.\n" + report.text()
                + "Run ./efs adopt --check for the details and ./efs adopt to resolve what it can.");
        this.report = report;
    }

    public AdoptionReport report() {
        return report;
    }
}
