package dev.milepost.process.internal;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on the processes page, as pages; the processes API keeps answering problem+json. */
@ControllerAdvice(assignableTypes = ProcessPages.class)
@Order(-1)
class ProcessPageErrors extends PageErrors {

}
