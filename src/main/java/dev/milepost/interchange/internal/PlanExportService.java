package dev.milepost.interchange.internal;

import dev.milepost.interchange.ExportFormat;
import dev.milepost.interchange.PlanExports;
import dev.milepost.plan.ProjectContext;
import dev.milepost.schedule.Forecasts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the plan with the schedule the pages show: {@link Forecasts#stored}, the forecast as of
 * today with each milestone's status as the status recompute last stored it (no simulation per
 * export). Reads only, and nothing is saved; the file is written from what was read, after the read.
 */
@Service
class PlanExportService implements PlanExports {

	private final Forecasts forecasts;

	PlanExportService(Forecasts forecasts) {
		this.forecasts = forecasts;
	}

	@Override
	@Transactional(readOnly = true)
	public PlanExport export(ProjectContext context, ExportFormat format) {
		ExportTable table = ExportTable.of(forecasts.stored(context));
		Content content = switch (format) {
			case MSPDI -> out -> ProjectFiles.mspdi(table, out);
			case PMXML -> out -> ProjectFiles.pmxml(table, out);
			case XLSX -> out -> SheetWriter.write(table, out);
			case CSV -> out -> CsvWriter.write(table, out);
		};
		return new PlanExport(format.filename(context.projectKey()), format.mediaType(), content);
	}

}
