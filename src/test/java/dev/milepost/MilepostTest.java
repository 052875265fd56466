package dev.milepost;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the test database (H2 in memory, or the
 * PostgreSQL named by MILEPOST_TEST_DB_URL). All such tests share one context; each makes its own
 * data (unique project keys and usernames), so they do not depend on an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import({ People.class, Teams.class, EventRecorder.class, Background.class })
public @interface MilepostTest {
}
