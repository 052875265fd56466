/**
 * Shared kernel: the conventions every Milepost module follows (problem+json errors, ETags,
 * paging, merge patches, the injected clock, change events for the audit record).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.milepost.common;

import org.springframework.modulith.ApplicationModule;
