package dev.milepost.feed.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.milepost.feed.CalendarFeeds;
import dev.milepost.plan.ProjectAccess;
import dev.milepost.plan.ProjectContext;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The caller's calendar feed of a project ({@code /api/v1/projects/{key}/calendar-feed}: any of
 * the project's people may have one; outsiders get 404) and the feed itself at its secret URL,
 * which needs no sign-in.
 */
@RestController
class CalendarFeedController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final ProjectAccess access;

	private final CalendarFeeds feeds;

	private final CalendarFeedService service;

	CalendarFeedController(ProjectAccess access, CalendarFeeds feeds, CalendarFeedService service) {
		this.access = access;
		this.feeds = feeds;
		this.service = service;
	}

	/** The feed as its owner sees it; the URL itself was shown once, when it was made. */
	record FeedView(boolean active, String hint, Instant createdAt, Instant lastUsedAt) {
	}

	/** A feed just made or rotated: the only time its URL is shown. */
	record IssuedView(String url, String hint, Instant createdAt) {
	}

	@GetMapping("/api/v1/projects/{key}/calendar-feed")
	FeedView feed(@PathVariable String key) {
		return feeds.of(access.read(key))
			.map(f -> new FeedView(true, f.hint(), f.createdAt(), f.lastUsedAt()))
			.orElse(new FeedView(false, null, null, null));
	}

	@PostMapping("/api/v1/projects/{key}/calendar-feed")
	ResponseEntity<IssuedView> create(@PathVariable String key) {
		ProjectContext context = access.read(key);
		CalendarFeeds.Issued issued = feeds.create(context);
		String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(issued.path()).toUriString();
		return ResponseEntity.created(URI.create("/api/v1/projects/" + context.projectKey() + "/calendar-feed"))
			.cacheControl(CacheControl.noStore())
			.body(new IssuedView(url, issued.feed().hint(), issued.feed().createdAt()));
	}

	@DeleteMapping("/api/v1/projects/{key}/calendar-feed")
	ResponseEntity<Void> revoke(@PathVariable String key) {
		feeds.revoke(access.read(key));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/calendar/{secret}.ics")
	ResponseEntity<String> calendar(@PathVariable String secret) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return service.calendar(secret, base)
			.map(text -> ResponseEntity.ok()
				.contentType(CALENDAR)
				.cacheControl(CacheControl.noStore().cachePrivate())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename("milestones.ics").build().toString())
				.body(text))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
