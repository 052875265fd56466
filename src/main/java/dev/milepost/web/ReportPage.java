package dev.milepost.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.milepost.approval.ApprovalRequests;
import dev.milepost.health.PlanHealth;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.Forecasts;
import dev.milepost.schedule.ProjectForecast;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The printable status report of a project, as a page (its print style fits A4 and drops the
 * navigation) and as a PDF rendered on the server from the same template. Everyone in the project
 * may read it; outsiders get 404.
 */
@Controller
class ReportPage {

	private final ProjectAccess access;

	private final Forecasts forecasts;

	private final PlanHealth health;

	private final ApprovalRequests approvals;

	private final ReportPdf pdf;

	ReportPage(ProjectAccess access, Forecasts forecasts, PlanHealth health, ApprovalRequests approvals,
			ReportPdf pdf) {
		this.access = access;
		this.forecasts = forecasts;
		this.health = health;
		this.approvals = approvals;
		this.pdf = pdf;
	}

	@GetMapping("/projects/{key}/report")
	String report(@PathVariable String key, Model model) {
		ProjectContext context = access.read(key);
		model.addAllAttributes(model(context, false));
		return ReportPdf.TEMPLATE;
	}

	@GetMapping("/projects/{key}/report.pdf")
	ResponseEntity<byte[]> reportPdf(@PathVariable String key, HttpServletRequest request,
			HttpServletResponse response) {
		ProjectContext context = access.read(key);
		Map<String, Object> model = model(context, true);
		StatusReport report = (StatusReport) model.get("report");
		byte[] document = pdf.render(model, request, response);
		String filename = report.project().key() + "-status-report-" + report.statusDate() + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(document);
	}

	private Map<String, Object> model(ProjectContext context, boolean forPdf) {
		ProjectForecast forecast = forecasts.stored(context);
		LocalDate today = forecast.statusDate();
		Map<UUID, List<Forecasts.TrendPoint>> trends = forecasts.trends(context);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("me", context.user());
		model.put("project", forecast.plan());
		model.put("pdf", forPdf);
		model.put("report", StatusReport.of(forecast, trends, health.check(forecast.plan(), today),
				approvals.pending(context), ProjectOverviewPage.LOOK_AHEAD_DAYS));
		return model;
	}

}
