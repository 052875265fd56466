/**
 * The plan: projects, their calendar, members and goals, the tasks that do the work, the
 * milestones they feed, deliverables and dependencies, under the rules of the product.
 */
package dev.milepost.plan;
