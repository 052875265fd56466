package dev.milepost.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.People;
import dev.milepost.schedule.realdata.RealData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans imported over the API: every real project file previews and confirms into a project whose
 * tasks, milestones and links are the preview's; only the uploader sees and confirms an import, a
 * second confirm is refused; bad files are refused with the status and reason and create nothing.
 */
@MilepostTest
class PlanImportTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger KEYS = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	People people;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dev.milepost.Teams teams;

	People.Person manager;

	@BeforeEach
	void person() {
		manager = people.person("Importer");
	}

	record Answer(int status, JsonNode json) {
	}

	private Answer upload(People.Person who, String filename, byte[] bytes) {
		return upload(who, filename, bytes, false);
	}

	/** A multipart upload; {@code chunked} sends it without declaring its length. */
	private Answer upload(People.Person who, String filename, byte[] bytes, boolean chunked) {
		return upload(who, filename, bytes, chunked, null);
	}

	/** A multipart upload with a column mapping (JSON) for a sheet. */
	private Answer upload(People.Person who, String filename, byte[] bytes, boolean chunked, String mapping) {
		String boundary = "----milepost" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (mapping != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping
					+ "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
			.header("Authorization", "Bearer " + who.token())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json, application/problem+json")
			.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.toByteArray()))
					: HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	private Api as(People.Person who) {
		return Api.at(port).withToken(who.token());
	}

	private static String key() {
		return "IM" + Integer.toString(KEYS.incrementAndGet() * 7919 + (int) (System.nanoTime() % 100000), 36)
			.toUpperCase();
	}

	private static byte[] real(String folder, String name) throws IOException {
		return Files.readAllBytes(RealData.file(folder, name));
	}

	/** Uploads and confirms a real file; checks the created project's plan against the preview. */
	private JsonNode imports(String folder, String name, String format) throws IOException {
		Answer preview = upload(manager, name, real(folder, name));
		assertThat(preview.status()).as(preview.json().toString()).isEqualTo(201);
		assertThat(preview.json().get("format").asString()).isEqualTo(format);
		String id = preview.json().get("id").asString();
		assertThat(as(manager).get("/api/v1/imports/" + id).json().get("inFile"))
			.isEqualTo(preview.json().get("inFile"));
		String key = key();
		Api.Response confirmed = as(manager).post("/api/v1/imports/" + id + "/confirm", Map.of("key", key));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		assertThat(confirmed.json().get("project").asString()).isEqualTo(key);
		JsonNode created = preview.json().get("created");
		String base = "/api/v1/projects/" + key;
		assertThat(as(manager).get(base + "/tasks?size=200").json().get("totalItems").asInt())
			.isEqualTo(created.get("tasks").asInt());
		JsonNode milestones = as(manager).get(base + "/milestones?size=200").json();
		assertThat(milestones.get("totalItems").asInt()).isEqualTo(created.get("milestones").asInt());
		int imported = 0;
		for (JsonNode finding : as(manager).get(base + "/health").json().get("findings")) {
			imported += finding.get("code").asString().equals("IMPORTED_MILESTONE_TO_REVIEW") ? 1 : 0;
		}
		assertThat(imported).as("milestones plan health lists for review").isEqualTo(created.get("milestones").asInt());
		for (JsonNode milestone : milestones.get("items")) {
			assertThat(milestone.get("owner").asString()).isEqualTo(manager.username());
			assertThat(milestone.get("description").asString()).startsWith("Target from the file's");
			assertThat(milestone.get("criterion").get("kind").asString()).isEqualTo("OWNER_CONFIRMATION");
			assertThat(milestone.get("tags").toString()).contains("imported");
		}
		Map<String, Integer> links = new TreeMap<>();
		as(manager).get(base + "/dependencies?size=200")
			.json()
			.get("items")
			.forEach(link -> links.merge(link.get("type").asString(), 1, Integer::sum));
		Map<String, Integer> expected = new TreeMap<>();
		created.get("links").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asInt()));
		assertThat(links).isEqualTo(expected);
		return preview.json();
	}

	private static List<String> lossKinds(JsonNode preview) {
		List<String> kinds = new ArrayList<>();
		preview.get("losses").forEach(loss -> kinds.add(loss.get("kind").asString()));
		return kinds;
	}

	@Test
	void everyRealFileImportsAndConfirmsIntoItsPlan() throws IOException {
		JsonNode legacy = imports("mspdi", "mpxj_legacy_sample.xml", "MSPDI");
		assertThat(legacy.get("inFile").get("links").toString()).isEqualTo("{\"FF\":1,\"FS\":3,\"SF\":1,\"SS\":1}");
		assertThat(legacy.get("inFile").get("summaryTasks").asInt()).isEqualTo(3);
		assertThat(lossKinds(legacy)).contains("Summary tasks", "Other calendars", "Costs", "Working hours (times of day)");

		JsonNode relations = imports("mspdi", "mpxj_mspdirelations.xml", "MSPDI");
		assertThat(relations.get("scheduleCheck").get("finishMatches").asBoolean()).isTrue();
		assertThat(relations.get("scheduleCheck").get("mismatchCount").asInt()).isZero();

		JsonNode product = imports("mspdi", "projectlibre_NewProduct.xml", "MSPDI");
		assertThat(product.get("created").get("milestones").asInt()).isEqualTo(12);
		assertThat(lossKinds(product)).contains("Tasks of zero duration not marked as milestones",
				"Links to or from summary tasks");

		JsonNode mpp = imports("mpp", "projectlibre_NewProduct.mpp", "MPP");
		assertThat(mpp.get("inFile").get("links").toString()).isEqualTo("{\"FF\":1,\"FS\":36}");
		assertThat(mpp.get("created").get("milestones").asInt()).isEqualTo(12);

		JsonNode xer = imports("xer", "Constology_XERNative_sample_TAKT.xer", "XER");
		assertThat(xer.get("created").get("tasks").asInt()).isEqualTo(25);
		assertThat(xer.get("scheduleCheck").get("milepostFinish").asString()).isEqualTo("2022-02-21");
		assertThat(xer.get("scheduleCheck").get("compared").asInt()).isEqualTo(25);
		assertThat(xer.get("scheduleCheck").get("mismatchCount").asInt()).isZero();

		JsonNode house = imports("gan", "ganttproject_HouseBuildingSample.gan", "GAN");
		assertThat(house.get("inFile").get("links").toString()).isEqualTo("{\"FS\":17}");
		assertThat(house.get("created").get("milestones").asInt()).isEqualTo(4);

		JsonNode chain = imports("gan", "blyoa_task-with-dependencies.gan", "GAN");
		assertThat(chain.get("created").get("links").toString()).isEqualTo("{\"FF\":1,\"FS\":1,\"SF\":1,\"SS\":1}");
	}

	@Test
	void onlyTheUploaderSeesAndConfirmsAnImportAndOnlyOnce() throws IOException {
		Answer preview = upload(manager, "chain.gan", real("gan", "blyoa_task-with-dependencies.gan"));
		String id = preview.json().get("id").asString();
		People.Person other = people.person("Other");
		assertThat(as(other).get("/api/v1/imports/" + id).status()).isEqualTo(404);
		assertThat(as(other).post("/api/v1/imports/" + id + "/confirm", Map.of("key", key())).status()).isEqualTo(404);
		String key = key();
		assertThat(as(manager).post("/api/v1/imports/" + id + "/confirm", Map.of("key", key, "name", "Chain"))
			.status()).isEqualTo(201);
		assertThat(as(manager).get("/api/v1/projects/" + key).json().get("name").asString()).isEqualTo("Chain");
		Api.Response again = as(manager).post("/api/v1/imports/" + id + "/confirm", Map.of("key", key()));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("confirmed already").contains(key);
	}

	@Test
	void aConfirmTheProjectRulesRefuseCreatesNothing() throws IOException {
		Answer preview = upload(manager, "chain.gan", real("gan", "blyoa_task-with-dependencies.gan"));
		String id = preview.json().get("id").asString();
		long projects = count("project");
		Api.Response refused = as(manager).post("/api/v1/imports/" + id + "/confirm", Map.of("key", "bad key"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("2 to 10 upper-case letters");
		assertThat(count("project")).isEqualTo(projects);
		// the import is still there to confirm with a good key
		assertThat(as(manager).post("/api/v1/imports/" + id + "/confirm", Map.of("key", key())).status())
			.isEqualTo(201);
	}

	private static HttpResponse<byte[]> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A workbook whose one sheet inflates from a few KB to 20 MB of spaces. */
	static byte[] zipBomb() throws IOException {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			out.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] spaces = new byte[1024 * 1024];
			Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < 20; i++) {
				out.write(spaces);
			}
		}
		return zip.toByteArray();
	}

	@Test
	void milepostsOwnSheetAndCsvExportsImportIntoTheSamePlan() {
		dev.milepost.Teams.Team team = teams.team(Api.at(port));
		Api owner = team.as(team.manager());
		String design = dev.milepost.Teams.check(owner.post(team.path("/tasks"), Map.of("name", "Design",
				"durationDays", 5)), 201).json().get("id").asString();
		String build = dev.milepost.Teams.check(owner.post(team.path("/tasks"), Map.of("name", "Build",
				"durationDays", 8)), 201).json().get("id").asString();
		String live = dev.milepost.Teams.check(owner.post(team.path("/milestones"), dev.milepost.Teams
			.milestone("Go-live", team.manager(), dev.milepost.Teams.ownerConfirmation())), 201).json().get("id").asString();
		dev.milepost.Teams.check(owner.post(team.path("/dependencies"), Map.of("predecessor", design, "successor",
				build, "type", "SS", "lagDays", 2)), 201);
		dev.milepost.Teams.check(owner.post(team.path("/dependencies"), Map.of("predecessor", build, "successor",
				live, "type", "FS", "lagDays", 0)), 201);
		for (String format : new String[] { "csv", "xlsx" }) {
			HttpResponse<byte[]> file = send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + team.path("/export?format=" + format)))
				.header("Authorization", "Bearer " + team.manager().token())
				.build());
			assertThat(file.statusCode()).isEqualTo(200);
			Answer preview = upload(manager, "plan." + format, file.body());
			assertThat(preview.status()).as(String.valueOf(preview.json())).isEqualTo(201);
			assertThat(preview.json().get("format").asString()).isEqualTo(format.toUpperCase());
			assertThat(preview.json().get("created").get("tasks").asInt()).isEqualTo(2);
			assertThat(preview.json().get("created").get("milestones").asInt()).isEqualTo(1);
			assertThat(preview.json().get("created").get("links").toString()).isEqualTo("{\"FS\":1,\"SS\":1}");
			assertThat(preview.json().get("mapping").get("predecessors").asString()).isEqualTo("Predecessors");
			assertThat(lossKinds(preview.json())).contains("Columns not mapped to a field");
			String key = key();
			assertThat(as(manager).post("/api/v1/imports/" + preview.json().get("id").asString() + "/confirm",
					Map.of("key", key)).status()).isEqualTo(201);
			JsonNode links = as(manager).get("/api/v1/projects/" + key + "/dependencies").json().get("items");
			assertThat(links).extracting(link -> link.get("type").asString() + link.get("lagDays").asInt())
				.containsExactlyInAnyOrder("SS2", "FS0");
		}
	}

	@Test
	void resourcesAreMatchedOnlyToPeopleTheUploaderMaySee() {
		dev.milepost.Teams.Team team = teams.team(Api.at(port));
		dev.milepost.Teams.check(team.as(team.manager()).post(team.path("/tasks"), Map.of("name", "Build",
				"durationDays", 5, "assignees", List.of(team.member().username()))), 201);
		HttpResponse<byte[]> file = send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + team.path("/export?format=mspdi")))
			.header("Authorization", "Bearer " + team.manager().token())
			.build());
		assertThat(file.statusCode()).isEqualTo(200);

		Answer colleague = upload(team.manager(), "plan.xml", file.body());
		assertThat(colleague.status()).isEqualTo(201);
		assertThat(matchOf(colleague.json(), team.member().username())).as("a colleague's resource").isEqualTo(
				team.member().username());

		Answer stranger = upload(manager, "plan.xml", file.body());
		assertThat(stranger.status()).isEqualTo(201);
		assertThat(matchOf(stranger.json(), team.member().username()))
			.as("someone who shares no project with the person learns nothing of them").isNull();
	}

	/** The username the preview matched to the file's resource of that name, or null. */
	private static String matchOf(JsonNode preview, String resource) {
		for (JsonNode match : preview.get("resources")) {
			if (match.get("resource").asString().equals(resource)) {
				return match.hasNonNull("username") ? match.get("username").asString() : null;
			}
		}
		throw new AssertionError("no resource " + resource + " in " + preview.get("resources"));
	}

	@Test
	void theLastColumnMappingIsRememberedForTheUploadersNextSheet() {
		String sheet = "Task,Days,After\nDesign,5,\nBuild,3,1\n";
		Answer first = upload(manager, "a.csv", sheet.getBytes(StandardCharsets.UTF_8), false,
				"{\"name\":\"Task\",\"duration\":\"Days\",\"predecessors\":\"After\"}");
		assertThat(first.status()).as(String.valueOf(first.json())).isEqualTo(201);
		assertThat(first.json().get("created").get("links").toString()).isEqualTo("{\"FS\":1}");
		Answer next = upload(manager, "b.csv", sheet.getBytes(StandardCharsets.UTF_8));
		assertThat(next.json().get("mapping").get("predecessors").asString()).isEqualTo("After");
		assertThat(next.json().get("created").get("links").toString()).isEqualTo("{\"FS\":1}");
		// someone else's next sheet is matched by the headings' names
		Answer other = upload(people.person("Other"), "c.csv", sheet.getBytes(StandardCharsets.UTF_8));
		assertThat(other.json().get("mapping").has("predecessors")).isFalse();
		Answer bad = upload(manager, "d.csv", sheet.getBytes(StandardCharsets.UTF_8), false, "{not json");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asString() + bad.json()).contains("mapping");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private void refused(String filename, byte[] bytes, int status, String text) {
		long projects = count("project");
		long imports = count("plan_import");
		Answer answer = upload(manager, filename, bytes);
		assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(status);
		assertThat(answer.json().get("detail").asString()).contains(text);
		assertThat(count("project")).isEqualTo(projects);
		assertThat(count("plan_import")).isEqualTo(imports);
	}

	@org.springframework.beans.factory.annotation.Value("${milepost.import.max-size}")
	org.springframework.util.unit.DataSize maxSize;

	@Test
	void aFileOverTheLimitIsA413WhetherItsSizeIsDeclaredOrNot() {
		byte[] big = new byte[(int) maxSize.toBytes() + 1];
		Arrays.fill(big, (byte) ' ');
		big[0] = '<';
		for (boolean chunked : new boolean[] { false, true }) {
			long projects = count("project");
			long imports = count("plan_import");
			Answer answer = upload(manager, "big.xml", big, chunked);
			assertThat(answer.status()).as("chunked: " + chunked).isEqualTo(413);
			assertThat(answer.json().get("detail").asString()).contains("import limit of 50 MB")
				.contains("milepost.import.max-size");
			assertThat(count("project")).isEqualTo(projects);
			assertThat(count("plan_import")).isEqualTo(imports);
		}
	}

	@Test
	void badFilesAreRefusedWithTheReasonAndCreateNothing() throws IOException {
		refused("plan.xml", dev.milepost.interchange.internal.BadFiles.BILLION_LAUGHS, 422, "<!DOCTYPE");
		refused("plan.xml", dev.milepost.interchange.internal.BadFiles.EXTERNAL_ENTITY, 422, "<!DOCTYPE");
		refused("plan.mpp", "%PDF-1.7".getBytes(StandardCharsets.UTF_8), 415, "looks like a PDF document");
		refused("plan.xml", "<Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>"
			.getBytes(StandardCharsets.UTF_8), 422, "not well-formed XML");
		byte[] mpp = real("mpp", "projectlibre_NewProduct.mpp");
		refused("cut.mpp", java.util.Arrays.copyOf(mpp, mpp.length / 3), 422, "could not be read as Microsoft Project");
		refused("plan.xlsx", new byte[] { 'P', 'K', 3, 4 }, 422, "could not be read as an Excel workbook");
		refused("bomb.xlsx", zipBomb(), 422, "ZIP bomb");
	}

}
