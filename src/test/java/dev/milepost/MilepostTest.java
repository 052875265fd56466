package dev.milepost;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.milepost.automation.runtime.TestBlueprints;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the test database (H2 in memory, or the
 * PostgreSQL named by MILEPOST_TEST_DB_URL). All such tests share one context, so add nothing to
 * a test class that would change it (properties, {@code @Import}, {@code @TestBean}, a nested
 * configuration, {@code @DirtiesContext}): put a fixture every test may have in the imports here
 * instead. Each test makes its own data (unique project keys and usernames), so none depends on an
 * empty database, and {@link Background#drain()} runs the background work due before asserting.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ People.class, Teams.class, EventRecorder.class, Background.class, RecomputeFaults.class,
		TestBlueprints.Config.class })
public @interface MilepostTest {
}
