package dev.milepost.interchange.internal;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals of the pages' export links, as pages; the export API keeps answering problem+json. */
@ControllerAdvice(assignableTypes = ExportPages.class)
@Order(-1)
class ExportPageErrors extends PageErrors {

}
