package dev.milepost.schedule.realdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milepost.schedule.engine.LinkKind;
import dev.milepost.schedule.engine.WorkingCalendar;

/**
 * Reads a PSPLIB single-mode RCPSP file (.sm): job durations, successor lists and MPM-Time, the
 * critical-path length with resources ignored, from PROJECT INFORMATION. Resources are skipped:
 * the engine does not level. Jobs 1 and N are zero-duration dummies, read as milestones, and
 * every precedence is finish-to-start without lag. PSPLIB counts abstract periods, so the plan's
 * calendar works every day from the epoch, making day t simply period t.
 */
final class PsplibReader {

	private PsplibReader() {
	}

	static RealPlan read(Path file) throws IOException {
		List<String> lines = Files.readAllLines(file);
		Integer mpmTime = null;
		Map<String, List<String>> successors = new HashMap<>();
		Map<String, Integer> durations = new HashMap<>();
		List<String> jobs = new ArrayList<>();
		String section = "";
		for (int n = 0; n < lines.size(); n++) {
			String line = lines.get(n).trim();
			if (line.startsWith("***")) {
				section = "";
			}
			else if (line.endsWith(":") && !line.contains(" :")) {
				section = line;
				n++; // the column headings
			}
			else if (!line.isEmpty() && Character.isDigit(line.charAt(0))) {
				String[] fields = line.split("\\s+");
				switch (section) {
					case "PROJECT INFORMATION:" -> mpmTime = Integer.parseInt(fields[5]);
					case "PRECEDENCE RELATIONS:" -> {
						jobs.add(fields[0]);
						int count = Integer.parseInt(fields[2]);
						successors.put(fields[0], List.of(fields).subList(3, 3 + count));
					}
					case "REQUESTS/DURATIONS:" -> durations.put(fields[0], Integer.parseInt(fields[2]));
					default -> {
					}
				}
			}
		}
		if (mpmTime == null || jobs.isEmpty() || !durations.keySet().containsAll(jobs)) {
			throw new IllegalArgumentException(file + " is not a complete PSPLIB .sm file");
		}
		RealPlan.Builder plan = new RealPlan.Builder(file.getFileName().toString());
		for (String job : jobs) {
			int days = durations.get(job);
			plan.activity(new RealPlan.Activity(job, "job " + job, null, days, days == 0, false, null,
					RealPlan.Reported.NOTHING));
		}
		for (String job : jobs) {
			successors.get(job).forEach(successor -> plan.link(job, successor, LinkKind.FS, 0));
		}
		WorkingCalendar everyDay = new WorkingCalendar(LocalDate.EPOCH, EnumSet.allOf(DayOfWeek.class), List.of());
		return plan.build(everyDay, null, mpmTime);
	}

}
