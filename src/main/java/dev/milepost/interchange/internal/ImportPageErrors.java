package dev.milepost.interchange.internal;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals of the import pages (an import of someone else: 404), as pages; the API keeps problem+json. */
@ControllerAdvice(assignableTypes = ImportPages.class)
@Order(-1)
class ImportPageErrors extends PageErrors {

}
