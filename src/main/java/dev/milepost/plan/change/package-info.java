/** Bulk plan changes: many creates, updates and deletes of tasks, milestones and links in one all-or-nothing request. */
package dev.milepost.plan.change;
