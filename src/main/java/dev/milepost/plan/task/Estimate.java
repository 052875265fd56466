package dev.milepost.plan.task;

import dev.milepost.common.RuleViolationException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A three-point estimate of a task's duration in working days. */
public record Estimate(@NotNull @Min(0) @Max(3650) Integer optimistic, @NotNull @Min(0) @Max(3650) Integer mostLikely,
		@NotNull @Min(0) @Max(3650) Integer pessimistic) {

	void check() {
		if (optimistic > mostLikely || mostLikely > pessimistic) {
			throw new RuleViolationException("estimate", "A three-point estimate needs optimistic ≤ most likely ≤ pessimistic; got "
					+ optimistic + " / " + mostLikely + " / " + pessimistic + ".");
		}
	}

}
