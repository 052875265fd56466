package dev.milepost.audit.internal;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on the audit pages, as pages; the audit API keeps answering problem+json. */
@ControllerAdvice(assignableTypes = AuditPages.class)
@Order(-1)
class AuditPageErrors extends PageErrors {

}
