package dev.milepost.approval.internal;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on the approvals pages, as pages; the API next to them keeps answering problem+json. */
@ControllerAdvice(assignableTypes = ApprovalPages.class)
@Order(-1)
class ApprovalPageErrors extends PageErrors {

}
