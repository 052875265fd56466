package dev.milepost.interchange.internal;

import java.io.IOException;

import dev.milepost.interchange.ExportFormat;
import dev.milepost.interchange.PlanExports;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/projects/{key}/export?format=mspdi|pmxml|xlsx|csv}: anyone who may read the
 * project may export it; outsiders get 404 as everywhere.
 */
@RestController
class ExportController {

	private final ProjectAccess access;

	private final PlanExports exports;

	ExportController(ProjectAccess access, PlanExports exports) {
		this.access = access;
		this.exports = exports;
	}

	@GetMapping("/api/v1/projects/{key}/export")
	@Operation(summary = "Export the plan as Microsoft Project XML, Primavera P6 XML, Excel or CSV",
			description = """
					The project's tasks and milestones with their links (type and lag), progress, assignees \
					(as resources) and the project calendar (working weekdays and holidays), with the schedule \
					as of today: forecast (early) and late dates, total float, critical flag; milestones with \
					zero duration and their target as a deadline, and in the sheet and CSV their status. \
					`mspdi` is MS Project XML (opens in Microsoft Project, ProjectLibre, GanttProject), `pmxml` \
					Primavera P6 XML, `xlsx` one sheet, `csv` the same columns. Rows are numbered 1… in start \
					order, and predecessors are named by those numbers (`3FS, 12SS+2d`). Saves nothing.""",
			responses = {
					@ApiResponse(responseCode = "200", description = "The file, as an attachment named after the project key",
							content = { @Content(mediaType = "application/xml"),
									@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
									@Content(mediaType = "text/csv") }),
					@ApiResponse(responseCode = "400", description = "No format, or one that does not exist: the problem names the allowed ones",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "404", description = "No such project, or the caller is not in it",
							content = @Content(mediaType = "application/problem+json")) })
	void export(@PathVariable String key,
			@Parameter(description = "mspdi, pmxml, xlsx or csv",
					schema = @Schema(allowableValues = { "mspdi", "pmxml", "xlsx", "csv" })) @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		ProjectContext context = access.read(key);
		ExportResponses.download(exports.export(context, ExportFormat.of(format)), response);
	}

}
