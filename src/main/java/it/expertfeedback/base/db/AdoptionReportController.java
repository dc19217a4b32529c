package it.expertfeedback.base.db;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/adoption-report}: what adopting the assistant's database found and did (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/adoption-report")
class AdoptionReportController {

    private final AdoptionReportService reports;

    AdoptionReportController(AdoptionReportService reports) {
        this.reports = reports;
    }

    @GetMapping
    AdoptionReportService.Report report() {
        return reports.report();
    }
}
