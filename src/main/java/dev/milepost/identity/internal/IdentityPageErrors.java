package dev.milepost.identity.internal;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on the settings and people pages, as pages; the API beside them keeps problem+json. */
@ControllerAdvice(assignableTypes = { SettingsPages.class, PeoplePages.class })
@Order(-1)
class IdentityPageErrors extends PageErrors {

}
