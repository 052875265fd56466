package dev.milepost.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.Teams;
import net.sf.mpxj.ProjectCalendar;
import net.sf.mpxj.ProjectCalendarException;
import net.sf.mpxj.ProjectFile;
import net.sf.mpxj.Relation;
import net.sf.mpxj.RelationType;
import net.sf.mpxj.ResourceAssignment;
import net.sf.mpxj.Task;
import net.sf.mpxj.TimeUnit;
import net.sf.mpxj.reader.UniversalProjectReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A plan exported in each format and read back by the libraries other tools are built on: MPXJ for
 * MS Project XML and Primavera P6 XML, POI for the sheet, commons-csv for the CSV. The plan has
 * finished, started and untouched tasks, a milestone, links of all four types with leads and lags,
 * people assigned, and holidays; what comes back must be the plan and the schedule the API computes.
 */
@MilepostTest
class PlanExportTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	Api manager;

	final Map<String, String> ids = new HashMap<>();

	/** predecessor, successor, type, lag: one link of every type, leads and lags among them */
	static final List<List<Object>> LINKS = List.of(List.of("Design", "Build", "FS", 2),
			List.of("Build", "Test", "SS", 3), List.of("Test", "Train", "FF", -1), List.of("Build", "Document", "SF", 1),
			List.of("Train", "Go-live", "FS", 0), List.of("Document", "Go-live", "FS", 0));

	static final List<String> HOLIDAYS = List.of("2026-03-11", "2027-01-04", "2027-01-05");

	@BeforeEach
	void plan() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
		String etag = Teams.check(manager.get(team.path("")), 200).etag();
		Teams.check(manager.patch(team.path(""), Map.of("calendar", Map.of("workingDays",
				List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), "holidays",
				HOLIDAYS.stream().map(day -> Map.of("date", day, "name", "Closed " + day)).toList())), etag), 200);
		task("Design", 5, Map.of("plannedStart", "2026-03-02", "actualStart", "2026-03-02", "actualFinish",
				"2026-03-09", "percentComplete", 100, "assignees", List.of(team.member().username())));
		task("Build", 10, Map.of("actualStart", "2026-03-12", "percentComplete", 40, "assignees",
				List.of(team.member().username(), team.manager().username())));
		task("Test", 4, Map.of());
		task("Train", 3, Map.of("plannedStart", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()));
		task("Document", 6, Map.of());
		ids.put("Go-live", Teams.check(manager.post(team.path("/milestones"), Map.of("name", "Go-live", "targetDate",
				LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString(), "owner", team.manager().username(), "criterion",
				Teams.ownerConfirmation())), 201).json().get("id").asString());
		for (List<Object> link : LINKS) {
			Teams.check(manager.post(team.path("/dependencies"), Map.of("predecessor", ids.get(link.get(0)),
					"successor", ids.get(link.get(1)), "type", link.get(2), "lagDays", link.get(3))), 201);
		}
	}

	private void task(String name, int days, Map<String, Object> more) {
		Map<String, Object> body = new HashMap<>(more);
		body.put("name", name);
		body.put("durationDays", days);
		ids.put(name, Teams.check(manager.post(team.path("/tasks"), body), 201).json().get("id").asString());
	}

	// ---- what the API says the plan and its schedule are ------------------------------------------

	/** The schedule as the API computes it, by activity name. */
	private Map<String, JsonNode> schedule() {
		Map<String, JsonNode> byName = new HashMap<>();
		manager.get(team.path("/schedule")).json().get("activities").forEach(a -> byName.put(a.get("name").asString(), a));
		return byName;
	}

	private Set<LocalDate> effectiveHolidays() {
		Set<LocalDate> days = new TreeSet<>();
		manager.get(team.path("")).json().get("effectiveCalendar").get("holidays")
			.forEach(h -> days.add(LocalDate.parse(h.get("date").asString())));
		return days;
	}

	private HttpResponse<byte[]> export(People.Person as, String format) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + team.path("/export?format=" + format)))
				.header("Authorization", "Bearer " + as.token())
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private byte[] download(String format, String contentType, String filename) {
		HttpResponse<byte[]> response = export(team.stakeholder(), format);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(contentType);
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"" + filename + "\"");
		return response.body();
	}

	// ---- MS Project XML and Primavera P6 XML, read back with MPXJ --------------------------------

	@Test
	void msProjectXmlReadsBackAsThePlanWithItsScheduleLinksProgressAndCalendar() throws Exception {
		ProjectFile file = new UniversalProjectReader()
			.read(new ByteArrayInputStream(download("mspdi", "application/xml", team.key() + ".xml")));

		assertThePlan(file);
		Map<String, Task> tasks = byName(file);
		Map<String, JsonNode> schedule = schedule();
		for (String name : List.of("Design", "Build", "Test", "Train", "Document")) {
			JsonNode computed = schedule.get(name);
			assertThat(tasks.get(name).getEarlyStart().toLocalDate()).as(name).hasToString(computed.get("earlyStart").asString());
			assertThat(tasks.get(name).getLateFinish().toLocalDate()).as(name).hasToString(computed.get("lateFinish").asString());
			assertThat(tasks.get(name).getTotalSlack().convertUnits(TimeUnit.DAYS, file.getProjectProperties()).getDuration())
				.as(name).isEqualTo(computed.get("totalFloat").asInt());
		}
		Task goLive = tasks.get("Go-live");
		assertThat(goLive.getDeadline().toLocalDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(3));
		assertThat(tasks.get("Design").getConstraintDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(file.getProjectProperties().getStartDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 5));
		// tasks added in Microsoft Project are scheduled automatically, as Milepost's are
		assertThat(file.getProjectProperties().getNewTasksAreManual()).isFalse();
		assertThat(file.getTasks().stream().filter(t -> t.getUniqueID() > 0).map(Task::getActive)).containsOnly(true);
	}

	@Test
	void primaveraXmlReadsBackAsThePlanWithItsLinksProgressAndCalendar() throws Exception {
		ProjectFile file = new UniversalProjectReader()
			.read(new ByteArrayInputStream(download("pmxml", "application/xml", team.key() + "-p6.xml")));

		assertThePlan(file);
		// P6 has no deadline: the target is the milestone's "finish on or before" constraint
		Task goLive = byName(file).get("Go-live");
		assertThat(goLive.getSecondaryConstraintType()).isEqualTo(net.sf.mpxj.ConstraintType.FINISH_NO_LATER_THAN);
		assertThat(goLive.getSecondaryConstraintDate().toLocalDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusMonths(3));
		assertThat(byName(file).get("Design").getConstraintType()).isEqualTo(net.sf.mpxj.ConstraintType.START_NO_EARLIER_THAN);
		assertThat(byName(file).get("Design").getConstraintDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
	}

	/** What both XML formats hold: activities, durations, milestone, progress, links, people, calendar. */
	private void assertThePlan(ProjectFile file) {
		Map<String, Task> tasks = byName(file);
		assertThat(tasks.keySet()).containsExactlyInAnyOrder("Design", "Build", "Test", "Train", "Document", "Go-live");
		Map<String, Integer> durations = Map.of("Design", 5, "Build", 10, "Test", 4, "Train", 3, "Document", 6,
				"Go-live", 0);
		durations.forEach((name, days) -> assertThat(
				tasks.get(name).getDuration().convertUnits(TimeUnit.DAYS, file.getProjectProperties()).getDuration())
			.as(name).isEqualTo(days.doubleValue()));
		Map<String, JsonNode> schedule = schedule();
		schedule.forEach((name, computed) -> {
			assertThat(tasks.get(name).getStart().toLocalDate()).as(name).hasToString(computed.get("earlyStart").asString());
			assertThat(tasks.get(name).getFinish().toLocalDate()).as(name).hasToString(computed.get("earlyFinish").asString());
		});
		assertThat(tasks.get("Go-live").getMilestone()).isTrue();
		assertThat(tasks.get("Build").getMilestone()).isFalse();
		assertThat(tasks.get("Design").getPercentageComplete().intValue()).isEqualTo(100);
		assertThat(tasks.get("Design").getActualStart().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(tasks.get("Design").getActualFinish().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(tasks.get("Build").getPercentageComplete().intValue()).isEqualTo(40);
		assertThat(tasks.get("Build").getActualStart().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(tasks.get("Build").getActualFinish()).isNull();
		assertThat(tasks.get("Test").getPercentageComplete().intValue()).isZero();
		assertThat(tasks.get("Test").getActualStart()).isNull();

		Set<String> links = new HashSet<>();
		for (Task task : file.getTasks()) {
			for (Relation relation : task.getPredecessors()) {
				links.add(relation.getPredecessorTask().getName() + " " + relation.getSuccessorTask().getName() + " "
						+ code(relation.getType()) + " "
						+ Math.round(relation.getLag().convertUnits(TimeUnit.DAYS, file.getProjectProperties()).getDuration()));
			}
		}
		assertThat(links).containsExactlyInAnyOrderElementsOf(
				LINKS.stream().map(l -> l.stream().map(String::valueOf).collect(Collectors.joining(" "))).toList());

		assertThat(tasks.get("Build").getResourceAssignments().stream().map(ResourceAssignment::getResource)
			.map(r -> r.getName()).toList())
			.containsExactlyInAnyOrder(team.member().username(), team.manager().username());

		ProjectCalendar calendar = file.getDefaultCalendar();
		assertThat(EnumSet.allOf(DayOfWeek.class).stream().filter(calendar::isWorkingDay).toList())
			.containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		Set<LocalDate> exceptions = new TreeSet<>();
		for (ProjectCalendarException exception : calendar.getCalendarExceptions()) {
			assertThat(exception.getWorking()).isFalse();
			for (LocalDate day = exception.getFromDate(); !day.isAfter(exception.getToDate()); day = day.plusDays(1)) {
				exceptions.add(day);
			}
		}
		assertThat(exceptions).containsAll(HOLIDAYS.stream().map(LocalDate::parse).toList())
			.isEqualTo(effectiveHolidays());
		assertThat(calendar.isWorkingDate(LocalDate.of(2027, 1, 4))).isFalse();
	}

	private static Map<String, Task> byName(ProjectFile file) {
		Map<String, Task> tasks = new HashMap<>();
		file.getTasks().stream().filter(t -> t.getName() != null && t.getUniqueID() != null && t.getUniqueID() > 0)
			.forEach(t -> tasks.put(t.getName(), t));
		return tasks;
	}

	private static String code(RelationType type) {
		return switch (type) {
			case FINISH_START -> "FS";
			case START_START -> "SS";
			case FINISH_FINISH -> "FF";
			case START_FINISH -> "SF";
		};
	}

	// ---- the sheet and the CSV --------------------------------------------------------------------

	static final List<String> HEADINGS = List.of("ID", "Type", "Name", "Outline level", "Duration (days)",
			"Planned start", "Target", "Forecast start", "Forecast finish", "Late start", "Late finish",
			"Total float (days)", "Critical", "Actual start", "Actual finish", "% complete", "Status", "Resources",
			"Predecessors");

	@Test
	void theSheetHasARowPerTaskAndMilestoneWithDatesFloatsStatusAndPredecessors() throws Exception {
		byte[] xlsx = download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				team.key() + ".xlsx");

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> headings = new java.util.ArrayList<>();
			sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
			assertThat(headings).isEqualTo(HEADINGS);
			assertThat(sheet.getLastRowNum()).isEqualTo(6);
			List<Map<String, Object>> rows = new java.util.ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				Map<String, Object> values = new HashMap<>();
				for (int c = 0; c < HEADINGS.size(); c++) {
					Cell cell = row.getCell(c);
					values.put(HEADINGS.get(c), cell == null ? null : cell.getCellType() == CellType.NUMERIC
							? (org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
									? (Object) cell.getLocalDateTimeCellValue().toLocalDate().toString()
									: (Object) String.valueOf((int) cell.getNumericCellValue()))
							: cell.getStringCellValue());
				}
				rows.add(values);
			}
			assertTheRows(rows);
		}
	}

	@Test
	void theCsvHasTheSheetsColumnsAndRows() throws Exception {
		byte[] csv = download("csv", "text/csv", team.key() + ".csv");

		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8))) {
			assertThat(parser.getHeaderNames()).isEqualTo(HEADINGS);
			List<Map<String, Object>> rows = new java.util.ArrayList<>();
			for (CSVRecord record : parser) {
				Map<String, Object> values = new HashMap<>();
				record.toMap().forEach((k, v) -> values.put(k, v.isEmpty() ? null : v));
				rows.add(values);
			}
			assertTheRows(rows);
		}
	}

	@Test
	void textASpreadsheetWouldTakeForAFormulaIsWrittenAsText() throws Exception {
		task("=HYPERLINK(\"http://example.com\",\"x\")", 2, Map.of());

		try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new InputStreamReader(new ByteArrayInputStream(download("csv", "text/csv", team.key() + ".csv")),
					StandardCharsets.UTF_8))) {
			assertThat(parser.getRecords().stream().map(r -> r.get("Name")))
				.contains("'=HYPERLINK(\"http://example.com\",\"x\")");
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", team.key() + ".xlsx")))) {
			List<Cell> names = new java.util.ArrayList<>();
			workbook.getSheetAt(0).forEach(row -> names.add(row.getCell(2)));
			assertThat(names).anySatisfy(cell -> {
				assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://example.com\",\"x\")");
			});
		}
	}

	/** Rows by start order, numbered from 1, each as the schedule API computes it. */
	private void assertTheRows(List<Map<String, Object>> rows) {
		assertThat(rows).hasSize(6);
		Map<String, Map<String, Object>> byName = new HashMap<>();
		rows.forEach(row -> byName.put((String) row.get("Name"), row));
		for (int i = 0; i < rows.size(); i++) {
			assertThat(rows.get(i).get("ID")).isEqualTo(String.valueOf(i + 1));
			assertThat(rows.get(i).get("Outline level")).isEqualTo("1");
			if (i > 0) {
				assertThat((String) rows.get(i).get("Forecast start"))
					.isGreaterThanOrEqualTo((String) rows.get(i - 1).get("Forecast start"));
			}
		}
		Map<String, JsonNode> schedule = schedule();
		byName.forEach((name, row) -> {
			JsonNode computed = schedule.get(name);
			assertThat(row.get("Forecast start")).as(name).isEqualTo(computed.get("earlyStart").asString());
			assertThat(row.get("Forecast finish")).as(name).isEqualTo(computed.get("earlyFinish").asString());
			assertThat(row.get("Late finish")).as(name).isEqualTo(computed.get("lateFinish").asString());
			assertThat(row.get("Total float (days)")).as(name).isEqualTo(computed.get("totalFloat").asString());
			assertThat(row.get("Critical")).as(name).isEqualTo(computed.get("critical").asBoolean() ? "yes" : "no");
		});
		Map<String, Object> design = byName.get("Design");
		assertThat(design).containsEntry("Type", "Task").containsEntry("Duration (days)", "5")
			.containsEntry("Planned start", "2026-03-02").containsEntry("Actual start", "2026-03-02")
			.containsEntry("Actual finish", "2026-03-09").containsEntry("% complete", "100")
			.containsEntry("Resources", team.member().username()).containsEntry("Status", null)
			.containsEntry("Predecessors", null);
		Map<String, Object> build = byName.get("Build");
		assertThat(build).containsEntry("% complete", "40").containsEntry("Predecessors", design.get("ID") + "FS+2d");
		assertThat((String) build.get("Resources")).contains(team.member().username(), team.manager().username());
		assertThat(byName.get("Train")).containsEntry("Predecessors", byName.get("Test").get("ID") + "FF-1d");
		assertThat(byName.get("Document")).containsEntry("Predecessors", build.get("ID") + "SF+1d");
		Map<String, Object> goLive = byName.get("Go-live");
		List<String> feeding = List.of(byName.get("Train").get("ID") + "FS", byName.get("Document").get("ID") + "FS");
		assertThat(goLive).containsEntry("Type", "Milestone").containsEntry("Duration (days)", "0")
			.containsEntry("Target", LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString())
			.containsEntry("% complete", "0");
		assertThat(List.of(((String) goLive.get("Predecessors")).split(", "))).containsExactlyInAnyOrderElementsOf(feeding);
		String status = manager.get(team.path("/milestone-status")).json().get("milestones").get(0).get("status")
			.asString();
		assertThat(goLive.get("Status")).isEqualTo(status);
	}

	// ---- the demo portfolio's project through MS Project XML -----------------------------------------

	@Autowired
	dev.milepost.plan.demo.DemoPortfolio portfolio;

	@Autowired
	dev.milepost.plan.PlanQueries plans;

	@Autowired
	dev.milepost.identity.Users users;

	@Autowired
	dev.milepost.identity.internal.ApiTokens tokens;

	@Test
	void theDemoProjectGoesThroughMsProjectXmlWithEveryActivityLinkAndHoliday() throws Exception {
		dev.milepost.plan.demo.DemoLoaded.ensure(portfolio, plans);
		var maria = users.findByUsername("maria.keller").orElseThrow();
		String token = tokens.issue(maria.id(), maria.username(), "export-test", null).secret();
		HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
				+ "/api/v1/projects/ERP/export?format=mspdi")).header("Authorization", "Bearer " + token).GET().build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		ProjectFile file = new UniversalProjectReader().read(new ByteArrayInputStream(response.body()));
		dev.milepost.plan.ProjectPlan plan = plans.plan(plans.projectId("ERP").orElseThrow());

		Map<java.util.UUID, Task> byId = new HashMap<>();
		file.getTasks().stream().filter(t -> t.getGUID() != null).forEach(t -> byId.put(t.getGUID(), t));
		assertThat(byId).hasSize(plan.activityCount());
		for (dev.milepost.plan.ProjectPlan.Task task : plan.tasks()) {
			Task read = byId.get(task.id());
			assertThat(read.getName()).isEqualTo(task.name());
			assertThat(read.getDuration().convertUnits(TimeUnit.DAYS, file.getProjectProperties()).getDuration())
				.as(task.name()).isEqualTo(task.durationDays());
			assertThat(read.getPercentageComplete().intValue()).as(task.name()).isEqualTo(task.percentComplete());
			assertThat(read.getActualStart() == null ? null : read.getActualStart().toLocalDate()).as(task.name())
				.isEqualTo(task.actualStart());
			assertThat(read.getResourceAssignments().stream().map(a -> a.getResource().getName()).toList())
				.as(task.name()).containsExactlyInAnyOrderElementsOf(task.assignees());
		}
		for (dev.milepost.plan.ProjectPlan.Milestone milestone : plan.milestones()) {
			Task read = byId.get(milestone.id());
			assertThat(read.getMilestone()).as(milestone.name()).isTrue();
			assertThat(read.getDeadline().toLocalDate()).as(milestone.name()).isEqualTo(milestone.targetDate());
			assertThat(read.getPercentageComplete().intValue()).as(milestone.name()).isEqualTo(milestone.achieved() ? 100 : 0);
		}
		Set<String> links = new HashSet<>();
		for (Task task : file.getTasks()) {
			for (Relation relation : task.getPredecessors()) {
				links.add(relation.getPredecessorTask().getGUID() + " " + relation.getSuccessorTask().getGUID() + " "
						+ code(relation.getType()) + " "
						+ Math.round(relation.getLag().convertUnits(TimeUnit.DAYS, file.getProjectProperties()).getDuration()));
			}
		}
		assertThat(links).containsExactlyInAnyOrderElementsOf(plan.links().stream()
			.map(l -> l.predecessor() + " " + l.successor() + " " + l.type() + " " + l.lagDays()).toList());
		Set<LocalDate> exceptions = new TreeSet<>();
		file.getDefaultCalendar().getCalendarExceptions().forEach(e -> exceptions.add(e.getFromDate()));
		assertThat(exceptions).isEqualTo(new TreeSet<>(plan.holidays()));
	}

	// ---- who may export, and bad requests ----------------------------------------------------------

	@Test
	void everyoneInTheProjectMayExportAndOutsidersFindNothing() {
		for (People.Person reader : List.of(team.stakeholder(), team.member(), team.approver(), team.manager())) {
			assertThat(export(reader, "csv").statusCode()).as(reader.username()).isEqualTo(200);
		}
		HttpResponse<byte[]> outsider = export(team.outsider(), "mspdi");
		assertThat(outsider.statusCode()).isEqualTo(404);
		assertThat(outsider.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(Api.at(port).anonymous().get(team.path("/export?format=csv")).status()).isEqualTo(401);
	}

	@Test
	void anUnknownFormatIsRefusedNamingTheAllowedOnesAndChangesNothing() {
		Api stakeholder = team.as(team.stakeholder());
		long entries = manager.get(team.path("/audit?size=1")).json().get("totalItems").asLong();
		String project = manager.get(team.path("")).etag();

		for (String path : List.of("/export?format=pdf", "/export", "/export?format=")) {
			Api.Response refused = stakeholder.get(team.path(path));
			assertThat(refused.status()).as(path).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asString()).as(path).contains("mspdi, pmxml, xlsx, csv");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
		}
		assertThat(team.as(team.outsider()).get(team.path("/export?format=pdf")).status()).isEqualTo(404);

		assertThat(manager.get(team.path("/audit?size=1")).json().get("totalItems").asLong()).isEqualTo(entries);
		assertThat(manager.get(team.path("")).etag()).isEqualTo(project);
	}

	@Test
	void theExportIsDescribedInTheOpenApiDocument() {
		JsonNode path = Api.at(port).get("/v3/api-docs").json().get("paths").get("/api/v1/projects/{key}/export");
		assertThat(path).isNotNull();
		assertThat(path.get("get").get("summary").asString()).contains("Export");
	}

}
