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
		assertThatThrownBy(() -> ImportFiles.read("plan.xlsx", new byte[] { 'P', 'K', 3, 4 }, TODAY))
			.isInstanceOf(UnsupportedFile.class)
			.hasMessageContaining("not built yet");
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
