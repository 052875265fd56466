package dev.milepost.plan.web;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on the plan's pages, as pages. */
@ControllerAdvice(basePackageClasses = PlanPageErrors.class)
@Order(-1)
class PlanPageErrors extends PageErrors {

}
