package dev.milepost.health;

import java.time.LocalDate;
import java.util.List;

import dev.milepost.plan.ProjectPlan;

/**
 * One piece of the brief's advice as a check: a pure function of a plan and the day it is read,
 * returning what it found (nothing when the plan follows the advice).
 */
interface PlanCheck {

	List<Finding> check(ProjectPlan plan, LocalDate today);

}
