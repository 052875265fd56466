package dev.milepost.interchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.milepost.common.ConflictException;
import dev.milepost.common.NotFoundException;
import dev.milepost.common.PayloadTooLargeException;
import dev.milepost.identity.CurrentUser;
import dev.milepost.identity.CurrentUsers;
import dev.milepost.identity.PeopleVisibility;
import dev.milepost.identity.Users;
import dev.milepost.plan.PlanImporting;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two steps of an import: an upload is read into a preview (kept for its uploader until it
 * expires), and the uploader's confirm creates the project and its plan in one transaction. Anyone
 * signed in may upload; the confirm creates the project as {@code POST /projects} does, with the
 * uploader as its manager, so who may create one is decided there. Others' imports are 404.
 */
@Service
class PlanImportService {

	static final Duration KEPT = Duration.ofHours(24);

	private final ImportStore store;

	private final PlanImporting importing;

	private final CurrentUsers currentUsers;

	private final Users users;

	private final PeopleVisibility visibility;

	private final JsonMapper mapper;

	private final Clock clock;

	private final long maxSize;

	PlanImportService(ImportStore store, PlanImporting importing, CurrentUsers currentUsers, Users users,
			PeopleVisibility visibility, JsonMapper mapper, Clock clock,
			@Value("${milepost.import.max-size:50MB}") DataSize maxSize) {
		this.store = store;
		this.importing = importing;
		this.currentUsers = currentUsers;
		this.users = users;
		this.visibility = visibility;
		this.mapper = mapper;
		this.clock = clock;
		this.maxSize = maxSize.toBytes();
	}

	long maxSize() {
		return maxSize;
	}

	/** The refusal of a file over the limit (413), saying the limit and the setting that raises it. */
	static PayloadTooLargeException tooLarge(long maxSize) {
		return new PayloadTooLargeException("The file is larger than the import limit of " + DataSize.ofBytes(maxSize)
				.toMegabytes() + " MB (" + maxSize + " bytes); the setting milepost.import.max-size raises it.");
	}

	/** Reads the file and keeps its preview; refuses (413, 415, 422) a file it will not import, storing nothing. */
	public ImportPreview upload(String filename, byte[] bytes) {
		return upload(filename, bytes, null);
	}

	/**
	 * A sheet (.xlsx, .csv) is read through {@code mapping} when given, else through the uploader's
	 * last mapping where the file has its columns, else by the headings' names; the mapping used is
	 * remembered for the uploader's next sheet.
	 */
	public ImportPreview upload(String filename, byte[] bytes, Map<String, String> mapping) {
		CurrentUser user = currentUsers.require();
		if (bytes.length > maxSize) {
			throw tooLarge(maxSize);
		}
		String name = filename == null || filename.isBlank() ? "upload" : filename.strip();
		name = name.length() > 255 ? name.substring(name.length() - 255) : name;
		ImportFiles.Read read = ImportFiles.read(name, bytes, LocalDate.now(clock.withZone(ZoneOffset.UTC)), mapping,
				store.mapping(user.id()).map(this::mappingOf).orElse(null));
		PlanReading.Reading reading = read.reading();
		ImportedPlan plan = reading.plan();
		List<ImportPreview.ResourceMatch> matches = new ArrayList<>();
		// matched only among the people the uploader may see: a file of addresses must not tell who works here
		java.util.Set<UUID> visible = visibility.visibleTo(user);
		for (ImportedPlan.Person person : plan.people()) {
			var match = users.findByEmailOrName(person.email(), person.name())
				.filter(found -> visible == null || visible.contains(found.id()));
			String by = match.map(found -> person.email() != null && found.email() != null
					&& found.email().equalsIgnoreCase(person.email().strip()) ? "e-mail" : "name").orElse(null);
			matches.add(new ImportPreview.ResourceMatch(person.name(), person.email(),
					match.map(found -> found.username()).orElse(null), by));
		}
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		ImportPreview preview = new ImportPreview(id, name, read.format().name(), plan.name(), suggestedKey(plan.name()),
				plan.start(), reading.inFile(), reading.created(), matches, reading.losses(),
				ScheduleCheck.of(plan, user.username()), read.columns(), read.mapping(), now.plus(KEPT), null);
		store.forgetExpired(user.id(), now);
		store.insert(id, user.id(), name, read.format().name(), bytes.length, mapper.writeValueAsString(preview),
				mapper.writeValueAsString(plan), now, now.plus(KEPT));
		if (read.mapping() != null) {
			store.rememberMapping(user.id(), mapper.writeValueAsString(read.mapping()), now);
		}
		return preview;
	}

	public ImportPreview read(UUID id) {
		ImportStore.Stored stored = find(id, false);
		ImportPreview preview = mapper.readValue(stored.preview(), ImportPreview.class);
		return withProject(preview, stored.projectKey());
	}

	/** Creates the project and its plan, all or nothing; a second confirm is refused (409). */
	@Transactional
	public ImportPreview confirm(UUID id, String key, String name) {
		CurrentUser user = currentUsers.require();
		ImportStore.Stored stored = find(id, true);
		if (stored.projectKey() != null) {
			throw new ConflictException("This import is confirmed already: it created project " + stored.projectKey()
					+ ". Upload the file again to import it once more.");
		}
		ImportPreview preview = mapper.readValue(stored.preview(), ImportPreview.class);
		ImportedPlan plan = mapper.readValue(stored.planData(), ImportedPlan.class);
		String projectKey = key == null || key.isBlank() ? preview.suggestedKey() : key.strip();
		String projectName = name == null || name.isBlank() ? plan.name() : name.strip();
		List<PlanImporting.NewTask> tasks = new ArrayList<>();
		List<PlanImporting.NewMilestone> milestones = new ArrayList<>();
		for (ImportedPlan.Item item : plan.items()) {
			if (item.milestone()) {
				milestones.add(new PlanImporting.NewMilestone(item.ref(), item.name(), targetNote(item), item.target(),
						user.username(), "Confirmed by the owner. Imported from " + preview.filename()
								+ ": review this criterion.",
						List.of(PlanImporting.IMPORTED_TAG)));
			}
			else {
				tasks.add(new PlanImporting.NewTask(item.ref(), item.name(), item.description(), item.durationDays(),
						item.plannedStart(), item.percentComplete(), item.actualStart(), item.actualFinish()));
			}
		}
		List<PlanImporting.NewLink> links = plan.links()
			.stream()
			.map(link -> new PlanImporting.NewLink(link.predecessor(), link.successor(), link.type(), link.lagDays()))
			.toList();
		LocalDate finish = plan.fileFinish() != null && plan.fileFinish().isAfter(plan.start()) ? plan.fileFinish()
				: preview.scheduleCheck().milepostFinish() != null
						&& preview.scheduleCheck().milepostFinish().isAfter(plan.start())
								? preview.scheduleCheck().milepostFinish() : plan.start().plusDays(1);
		String created = importing.create(new PlanImporting.NewProject(projectKey, projectName,
				"Imported from " + preview.filename() + " (" + preview.format() + ").", user.username(), plan.start(),
				finish, plan.workingDays(), plan.holidays()
					.stream()
					.map(h -> new PlanImporting.NewHoliday(h.date(), h.name()))
					.toList()),
				tasks, milestones, links);
		store.confirmed(id, created, clock.instant());
		return withProject(preview, created);
	}

	private ImportStore.Stored find(UUID id, boolean forUpdate) {
		CurrentUser user = currentUsers.require();
		return store.find(id, user.id(), forUpdate)
			.filter(stored -> stored.projectKey() != null || stored.expiresAt().isAfter(clock.instant()))
			.orElseThrow(() -> NotFoundException.of("import", id));
	}

	private static String targetNote(ImportedPlan.Item item) {
		String note = "Target from " + item.targetFrom() + ".";
		return item.description() == null ? note
				: (note + "\n\n" + item.description()).substring(0,
						Math.min(PlanReading.MAX_DESCRIPTION, note.length() + 2 + item.description().length()));
	}

	private static ImportPreview withProject(ImportPreview p, String project) {
		return new ImportPreview(p.id(), p.filename(), p.format(), p.name(), p.suggestedKey(), p.start(), p.inFile(),
				p.created(), p.resources(), p.losses(), p.scheduleCheck(), p.columns(), p.mapping(), p.expiresAt(),
				project);
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> mappingOf(String json) {
		return mapper.readValue(json, Map.class);
	}

	/** A project key from the plan's name: its letters and digits, upper case, starting with a letter, 2 to 10. */
	static String suggestedKey(String name) {
		String letters = name == null ? "" : name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		letters = letters.replaceFirst("^[0-9]+", "");
		if (letters.length() < 2) {
			return "IMPORT";
		}
		return letters.length() > 10 ? letters.substring(0, 10) : letters;
	}

}
