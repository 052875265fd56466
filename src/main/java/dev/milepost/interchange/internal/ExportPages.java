package dev.milepost.interchange.internal;

import java.io.IOException;

import dev.milepost.interchange.ExportFormat;
import dev.milepost.interchange.PlanExports;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export links of the project's pages ({@code /projects/{key}/export?format=…}): the same files
 * as the API, for a person signed in to the pages (the API takes tokens, not the page session).
 */
@Controller
class ExportPages {

	private final ProjectAccess access;

	private final PlanExports exports;

	ExportPages(ProjectAccess access, PlanExports exports) {
		this.access = access;
		this.exports = exports;
	}

	@GetMapping("/projects/{key}/export")
	void export(@PathVariable String key, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		ProjectContext context = access.read(key);
		ExportResponses.download(exports.export(context, ExportFormat.of(format)), response);
	}

}
