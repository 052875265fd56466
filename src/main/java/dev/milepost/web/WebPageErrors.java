package dev.milepost.web;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on these pages, as pages. */
@ControllerAdvice(basePackageClasses = WebPageErrors.class)
@Order(-1)
class WebPageErrors extends PageErrors {

}
