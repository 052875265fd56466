package dev.milepost.plan.change;

import java.util.List;

import dev.milepost.common.FieldError;
import dev.milepost.common.MilepostException;
import org.springframework.http.HttpStatus;

/**
 * Some operations of a bulk change were refused, so none was applied. Each error names the
 * operation by its position ({@code operations[3]…}) and says why, as the single endpoint would.
 */
class PlanChangesRefused extends MilepostException {

	private final HttpStatus status;

	PlanChangesRefused(int refused, int operations, List<FieldError> errors, HttpStatus status) {
		super(refused + " of " + operations + " operations " + (refused == 1 ? "was" : "were")
				+ " refused, so nothing was changed: " + errors.get(0).field() + ": " + errors.get(0).message()
				+ (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more, listed in errors)" : ""), errors);
		this.status = status;
	}

	@Override
	public HttpStatus status() {
		return status;
	}

	@Override
	public String title() {
		return "Plan changes refused";
	}

}
