package dev.milepost.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The calendar feed as a calendar app sees it: the secret URL, read without signing in, parsed by
 * a real iCalendar library (ical4j); and the feed's life: made once per person, rotated, revoked,
 * and dead once its person leaves the project.
 */
@MilepostTest
class CalendarFeedTests {

	static final String AWKWARD = "Cut-over, phase 1; data\\ledgers\nand \"more\" ünïcode — a name long enough to be folded across lines";

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	Teams.Team team;

	Api manager;

	@BeforeEach
	void plan() {
		team = teams.team(Api.at(port));
		manager = team.as(team.manager());
	}

	private String milestone(String name, String target) {
		return Teams.check(manager.post(team.path("/milestones"), Map.of("name", name, "targetDate", target, "owner",
				team.manager().username(), "criterion", Teams.ownerConfirmation())), 201).json().get("id").asString();
	}

	private String feedUrl(Api as) {
		Api.Response created = as.post(team.path("/calendar-feed"), Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String url = created.json().get("url").asString();
		assertThat(url).matches("http://localhost:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics");
		return url.substring(url.indexOf("/calendar/"));
	}

	private Calendar parse(String text) throws Exception {
		return new CalendarBuilder().build(new StringReader(text));
	}

	@Test
	void theFeedIsAValidCalendarWithAnAllDayEventPerMilestone() throws Exception {
		String awkward = milestone(AWKWARD, "2026-04-30");
		String plain = milestone("Go-live", "2026-06-15");
		String path = feedUrl(team.as(team.stakeholder()));

		Api.Response feed = Api.at(port).anonymous().get(path);

		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.contentType()).startsWith("text/calendar");
		assertThat(feed.body()).contains("\r\n").doesNotContain(AWKWARD);
		for (String line : feed.body().split("\r\n")) {
			assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		Calendar calendar = parse(feed.body());
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(2);
		VEvent first = events.stream()
			.filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith(awkward))
			.findFirst()
			.orElseThrow();
		assertThat(first.getProperty(Property.SUMMARY).orElseThrow().getValue()).startsWith(AWKWARD + " [");
		assertThat(first.getProperty(Property.DTSTART).orElseThrow().getValue()).isEqualTo("20260430");
		assertThat(first.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue())
			.isEqualTo("DATE");
		assertThat(first.getProperty(Property.DTEND).orElseThrow().getValue()).isEqualTo("20260501");
		assertThat(first.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).contains("Target: 2026-04-30",
				"Forecast: ");
		assertThat(first.getProperty(Property.URL).orElseThrow().getValue())
			.endsWith("/projects/" + team.key() + "/milestones/" + awkward);
		assertThat(first.getProperty(Property.DTSTAMP)).isPresent();
		assertThat(first.getProperty(Property.CATEGORIES).orElseThrow().getValue()).startsWith("Milestone,");
		VEvent second = events.stream()
			.filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().equals(plain + "@milepost"))
			.findFirst()
			.orElseThrow();
		assertThat(second.getProperty(Property.DTSTART).orElseThrow().getValue())
			.isEqualTo(LocalDate.of(2026, 6, 15).toString().replace("-", ""));

		// the UID stays when the milestone moves, so calendars update the event in place
		Api.Response reread = Api.at(port).anonymous().get(path);
		assertThat(parse(reread.body()).getComponents("VEVENT").stream()
			.map(e -> ((VEvent) e).getProperty(Property.UID).orElseThrow().getValue()))
			.containsExactlyInAnyOrder(awkward + "@milepost", plain + "@milepost");
	}

	@Test
	void eachPersonHasTheirOwnFeedAndRevokingOneLeavesTheOthers() {
		milestone("Go-live", "2026-06-15");
		Api member = team.as(team.member());
		String mine = feedUrl(member);
		String theirs = feedUrl(manager);
		assertThat(member.get(team.path("/calendar-feed")).json().get("active").asBoolean()).isTrue();

		assertThat(member.delete(team.path("/calendar-feed")).status()).isEqualTo(204);

		assertThat(Api.at(port).anonymous().get(mine).status()).isEqualTo(404);
		assertThat(Api.at(port).anonymous().get(theirs).status()).isEqualTo(200);
		assertThat(member.get(team.path("/calendar-feed")).json().get("active").asBoolean()).isFalse();
		assertThat(member.delete(team.path("/calendar-feed")).status()).isEqualTo(404);
	}

	@Test
	void aNewAddressReplacesTheOldOne() {
		String old = feedUrl(manager);
		String renewed = feedUrl(manager);
		assertThat(renewed).isNotEqualTo(old);
		assertThat(Api.at(port).anonymous().get(old).status()).isEqualTo(404);
		assertThat(Api.at(port).anonymous().get(renewed).status()).isEqualTo(200);
	}

	@Test
	void theFeedStopsWhenItsPersonLeavesTheProject() {
		String path = feedUrl(team.as(team.member()));
		assertThat(Api.at(port).anonymous().get(path).status()).isEqualTo(200);

		Teams.check(manager.delete(team.path("/members/" + team.member().username())), 204);

		assertThat(Api.at(port).anonymous().get(path).status()).isEqualTo(404);
	}

	@Test
	void outsidersCannotMakeAFeedAndGuessedSecretsFindNothing() {
		Api outsider = team.as(team.outsider());
		assertThat(outsider.post(team.path("/calendar-feed"), Map.of()).status()).isEqualTo(404);
		assertThat(outsider.get(team.path("/calendar-feed")).status()).isEqualTo(404);
		Api anonymous = Api.at(port).anonymous();
		assertThat(anonymous.get("/calendar/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
		assertThat(anonymous.get("/calendar/x.ics").status()).isEqualTo(404);
		assertThat(anonymous.post(team.path("/calendar-feed"), Map.of()).status()).isEqualTo(401);
	}

}
