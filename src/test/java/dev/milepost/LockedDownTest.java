package dev.milepost;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link MilepostTest} with the settings of a locked-down installation instead of the test
 * defaults: HTTP Basic off (API tokens only), webhooks to private and loopback addresses refused,
 * and e-mail sent, to {@link TestMail}. It does no background work of its own (it would also
 * deliver the other tests' notifications): tests run what is due with {@link Background#drain()}.
 * All tests that need one of these settings share this one context; do not add others per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MilepostTest
@TestPropertySource(properties = { "milepost.api.basic-auth=false", "milepost.webhooks.allow-private=false",
		"milepost.background.enabled=false" })
@ContextConfiguration(initializers = TestMail.class)
public @interface LockedDownTest {
}
