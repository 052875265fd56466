package dev.milepost.notification.web;

import dev.milepost.common.PageErrors;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** Refusals on the notification pages, as pages. */
@ControllerAdvice(basePackageClasses = NotificationPageErrors.class)
@Order(-1)
class NotificationPageErrors extends PageErrors {

}
