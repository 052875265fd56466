package dev.milepost.interchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

import dev.milepost.interchange.internal.ImportRefusals.UnreadableFile;
import dev.milepost.interchange.internal.ImportRefusals.UnsupportedFile;
import dev.milepost.schedule.realdata.RealData;
import org.junit.jupiter.api.Test;

/**
 * The real project files (../shared/realdata, counts from its SOURCES.md) read into the plan Milepost
 * would create, with the loss report and the schedule check; and bad files refused with the reason.
 */
class ImportFilesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

	static ImportFiles.Read read(String folder, String name) throws IOException {
		return ImportFiles.read(name, Files.readAllBytes(RealData.file(folder, name)), TODAY);
	}

	static ImportPreview.Loss loss(PlanReading.Reading reading, String kind) {
		return reading.losses()
			.stream()
			.filter(loss -> loss.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no loss '" + kind + "' in " + reading.losses()));
	}

	@Test
	void theMspdiSampleWithAllFourLinkTypesFlattensItsSummariesAndKeepsItsMilestone() throws IOException {
		var read = read("mspdi", "mpxj_legacy_sample.xml");
		assertThat(read.format()).isEqualTo(ImportFormat.MSPDI);
		// 20 tasks with UID 0 (the project itself), 4 summaries with it: 3 summaries, 16 activities, 1 milestone
		var file = read.reading().inFile();
		assertThat(file.summaryTasks()).isEqualTo(3);
		assertThat(file.tasks() + file.milestones()).isEqualTo(16);
		assertThat(file.milestones()).isEqualTo(1);
		assertThat(file.links()).isEqualTo(Map.of("FS", 3, "FF", 1, "SS", 1, "SF", 1));
		assertThat(file.constraints()).isEqualTo(4);
		assertThat(file.calendars()).isEqualTo(4);
		// the four SNET constraints become planned starts; the lags of +1 and -1 day are kept
		assertThat(read.reading().created().constraints()).isEqualTo(4);
		assertThat(read.reading().plan().links()).extracting(ImportedPlan.Link::lagDays).contains(1, -1);
		assertThat(loss(read.reading(), "Summary tasks").count()).isEqualTo(3);
		assertThat(loss(read.reading(), "Other calendars").examples()).contains("Night Shift");
		assertThat(loss(read.reading(), "Costs").count()).isPositive();
	}

	@Test
	void theRelationsChainMatchesMicrosoftProjectsFinishAndFloats() throws IOException {
		var read = read("mspdi", "mpxj_mspdirelations.xml");
		assertThat(read.reading().created().links()).isEqualTo(Map.of("FS", 1, "FF", 1, "SS", 1, "SF", 1));
		var check = ScheduleCheck.of(read.reading().plan(), "me");
		assertThat(check.fileFinish()).isEqualTo(LocalDate.of(2006, 9, 25));
		assertThat(check.finishMatches()).isTrue();
		assertThat(check.compared()).isEqualTo(5);
		assertThat(check.mismatchCount()).isZero();
		assertThat(read.reading().plan().items()).filteredOn(item -> item.name().equals("Task 5"))
			.singleElement()
			.extracting(ImportedPlan.Item::fileFloatDays)
			.isEqualTo(1.0);
	}

	@Test
	void theNewProductTemplateFindsItsMilestonesByZeroDurationInXmlAndMpp() throws IOException {
		for (var read : new ImportFiles.Read[] { read("mspdi", "projectlibre_NewProduct.xml"),
				read("mpp", "projectlibre_NewProduct.mpp") }) {
			var file = read.reading().inFile();
			assertThat(file.summaryTasks()).isEqualTo(6);
			assertThat(file.milestones()).isEqualTo(12);
			assertThat(file.tasks() + file.milestones() + file.summaryTasks()).isEqualTo(42);
			assertThat(file.links()).isEqualTo(Map.of("FS", 36, "FF", 1));
			// three links touch a summary task and are dropped with the outline
			assertThat(read.reading().created().links()).isEqualTo(Map.of("FS", 33, "FF", 1));
			assertThat(loss(read.reading(), "Links to or from summary tasks").count()).isEqualTo(3);
			assertThat(read.reading().plan().links()).extracting(ImportedPlan.Link::lagDays).contains(-15);
			assertThat(read.reading().plan().fileFinish()).isEqualTo(LocalDate.of(2001, 5, 23));
			assertThat(read.reading().plan().items()).filteredOn(ImportedPlan.Item::milestone)
				.allSatisfy(item -> assertThat(item.targetFrom()).isEqualTo("the file's planned finish"));
		}
		assertThat(read("mpp", "projectlibre_NewProduct.mpp").format()).isEqualTo(ImportFormat.MPP);
	}

	@Test
	void theP6SampleSchedulesToP6sFinishWithEveryFloatTheSame() throws IOException {
		var read = read("xer", "Constology_XERNative_sample_TAKT.xer");
		assertThat(read.format()).isEqualTo(ImportFormat.XER);
		assertThat(read.reading().inFile().tasks()).isEqualTo(25);
		assertThat(read.reading().created().links()).isEqualTo(Map.of("FS", 40));
		assertThat(read.reading().plan().holidays()).extracting(ImportedPlan.Holiday::date)
			.containsExactly(LocalDate.of(2021, 12, 27), LocalDate.of(2021, 12, 28), LocalDate.of(2021, 12, 29),
					LocalDate.of(2021, 12, 30), LocalDate.of(2021, 12, 31));
		var check = ScheduleCheck.of(read.reading().plan(), "me");
		assertThat(check.milepostFinish()).isEqualTo(LocalDate.of(2022, 2, 21));
		assertThat(check.finishMatches()).isTrue();
		assertThat(check.compared()).isEqualTo(25);
		assertThat(check.mismatchCount()).isZero();
		assertThat(read.reading().plan().items().stream().filter(item -> item.fileFloatDays() == 0).count())
			.isEqualTo(9);
	}

	@Test
	void ganttProjectLinksAreReadFromTheFileNotFromMpxj() throws IOException {
		var house = read("gan", "ganttproject_HouseBuildingSample.gan");
		assertThat(house.reading().inFile().links()).isEqualTo(Map.of("FS", 17));
		assertThat(house.reading().inFile().summaryTasks()).isEqualTo(4);
		assertThat(house.reading().inFile().milestones()).isEqualTo(4);
		assertThat(house.reading().inFile().tasks() + 8).isEqualTo(20);
		assertThat(loss(house.reading(), "Rubber links (GanttProject)").count()).isEqualTo(1);
		assertThat(house.reading().plan().holidays()).hasSize(1);

		var chain = read("gan", "blyoa_task-with-dependencies.gan");
		assertThat(chain.reading().created().links()).isEqualTo(Map.of("SS", 1, "FS", 1, "FF", 1, "SF", 1));
		assertThat(chain.reading().plan().links()).filteredOn(link -> link.type() == dev.milepost.plan.LinkType.FF)
			.singleElement()
			.extracting(ImportedPlan.Link::lagDays)
			.isEqualTo(-1);
		assertThat(chain.reading().plan().holidays()).extracting(ImportedPlan.Holiday::date)
			.containsExactly(LocalDate.of(2024, 1, 3));
	}

	// ---- bad files ----------------------------------------------------------------------------------

	static final String BILLION_LAUGHS = """
			<?xml version="1.0"?>
			<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
			<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
			<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol3;</Name></Project>""";

	static final String EXTERNAL_ENTITY = """
			<?xml version="1.0"?>
			<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
			<Project xmlns="http://schemas.microsoft.com/project"><Name>&secret;</Name></Project>""";

	@Test
	void entitiesOfAnyKindAreRefusedBeforeAnyReaderSeesThem() {
		for (String xml : new String[] { BILLION_LAUGHS, EXTERNAL_ENTITY }) {
			assertThatThrownBy(() -> ImportFiles.read("plan.xml", xml.getBytes(StandardCharsets.UTF_8), TODAY))
				.isInstanceOf(UnreadableFile.class)
				.hasMessageContaining("document type (<!DOCTYPE");
		}
	}

	@Test
	void contentThatIsNotWhatTheNameSaysIsRefusedSayingWhatItLooksLike() {
		assertThatThrownBy(() -> ImportFiles.read("plan.mpp", "%PDF-1.7 not a plan".getBytes(StandardCharsets.UTF_8),
				TODAY))
			.isInstanceOf(UnsupportedFile.class)
			.hasMessageContaining("'plan.mpp'")
			.hasMessageContaining("PDF document");
		assertThatThrownBy(() -> ImportFiles.read("plan.xer", "<Project xmlns=\"http://schemas.microsoft.com/project\"/>"
			.getBytes(StandardCharsets.UTF_8), TODAY)).isInstanceOf(UnsupportedFile.class)
			.hasMessageContaining("Microsoft Project XML");
		assertThatThrownBy(() -> ImportFiles.read("notes.txt", "hello".getBytes(StandardCharsets.UTF_8), TODAY))
			.isInstanceOf(UnsupportedFile.class)
			.hasMessageContaining(".xml, .mpp, .xer");
		assertThatThrownBy(() -> ImportFiles.read("plan.xlsx", "Name,Days".getBytes(StandardCharsets.UTF_8), TODAY))
			.isInstanceOf(UnsupportedFile.class)
			.hasMessageContaining("looks like plain text");
		assertThatThrownBy(() -> ImportFiles.read("plan.csv", new byte[] { 'P', 'K', 3, 4, 0, 0 }, TODAY))
			.isInstanceOf(UnsupportedFile.class)
			.hasMessageContaining("ZIP archive");
	}

	// ---- sheets -------------------------------------------------------------------------------------

	static final String SHEET = """
			Task,Days,After,Due,Owner
			Design,5,,,ann
			Build,2.5,1,,bob
			Launch,0,2FS+1d,2026-06-01,ann
			,3,,,
			""";

	@Test
	void aCsvIsReadThroughItsColumnMappingAndReportsWhatItLeavesOut() {
		var read = ImportFiles.read("plan.csv", SHEET.getBytes(StandardCharsets.UTF_8), TODAY,
				Map.of("name", "Task", "duration", "Days", "predecessors", "After", "target", "Due"), null);
		assertThat(read.format()).isEqualTo(ImportFormat.CSV);
		assertThat(read.columns()).containsExactly("Task", "Days", "After", "Due", "Owner");
		var plan = read.reading().plan();
		assertThat(plan.items()).extracting(ImportedPlan.Item::name).containsExactly("Design", "Build", "Launch");
		assertThat(plan.items()).extracting(ImportedPlan.Item::durationDays).containsExactly(5, 3, 0);
		assertThat(plan.items().get(2).milestone()).isTrue();
		assertThat(plan.items().get(2).target()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThat(plan.links()).extracting(ImportedPlan.Link::predecessor, ImportedPlan.Link::successor,
				ImportedPlan.Link::lagDays)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("row-1", "row-2", 0),
					org.assertj.core.groups.Tuple.tuple("row-2", "row-3", 1));
		assertThat(loss(read.reading(), "Columns not mapped to a field").examples()).containsExactly("Owner");
		assertThat(loss(read.reading(), "Rows without a name").count()).isEqualTo(1);
		assertThat(loss(read.reading(), "Durations that are not whole working days").examples())
			.containsExactly("Build: 2.5 d → 3 d");
	}

	@Test
	void withoutAMappingTheHeadingsAreMatchedByNameAndARememberedMappingIsUsedWhereItFits() {
		String own = "Name,Duration (days),Predecessors\nA,2,\nB,1,1SS\n";
		var auto = ImportFiles.read("plan.csv", own.getBytes(StandardCharsets.UTF_8), TODAY, null, null);
		assertThat(auto.mapping()).isEqualTo(Map.of("name", "Name", "duration", "Duration (days)", "predecessors",
				"Predecessors"));
		assertThat(auto.reading().created().links()).isEqualTo(Map.of("SS", 1));
		var remembered = ImportFiles.read("plan.csv", SHEET.getBytes(StandardCharsets.UTF_8), TODAY, null,
				Map.of("name", "Task", "duration", "Days", "predecessors", "After"));
		assertThat(remembered.mapping()).isEqualTo(Map.of("name", "Task", "duration", "Days", "predecessors", "After"));
		assertThat(remembered.reading().created().links()).isEqualTo(Map.of("FS", 2));
		// a remembered mapping naming columns the file lacks is not used: the headings are matched by name
		var notFitting = ImportFiles.read("plan.csv", SHEET.getBytes(StandardCharsets.UTF_8), TODAY, null,
				Map.of("name", "Activity"));
		assertThat(notFitting.mapping()).isEqualTo(Map.of("name", "Task", "duration", "Days"));
		assertThatThrownBy(() -> ImportFiles.read("plan.csv", SHEET.getBytes(StandardCharsets.UTF_8), TODAY,
				Map.of("name", "Activity"), null)).isInstanceOf(UnreadableFile.class)
			.hasMessageContaining("'Activity', which the file does not have");
	}

	@Test
	void aWorkbookThatExpandsFarBeyondItsSizeIsRefusedByPoisGuard() throws IOException {
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			out.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
			out.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1024 * 1024];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 20; i++) {
				out.write(spaces);
			}
		}
		assertThatThrownBy(() -> ImportFiles.read("bomb.xlsx", zip.toByteArray(), TODAY))
			.isInstanceOf(UnreadableFile.class)
			.hasMessageContaining("ZIP bomb");
	}

	@Test
	void damagedFilesAreRefusedNamingTheProblem() throws IOException {
		assertThatThrownBy(() -> ImportFiles.read("plan.xml",
				"<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>".getBytes(StandardCharsets.UTF_8),
				TODAY))
			.isInstanceOf(UnreadableFile.class)
			.hasMessageContaining("not well-formed XML at line 1");
		byte[] mpp = Files.readAllBytes(RealData.file("mpp", "projectlibre_NewProduct.mpp"));
		assertThatThrownBy(() -> ImportFiles.read("cut.mpp", Arrays.copyOf(mpp, mpp.length / 3), TODAY))
			.isInstanceOf(UnreadableFile.class)
			.hasMessageContaining("could not be read as Microsoft Project (.mpp)");
	}

}
