package dev.milepost.plan.task;

import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/** A person assigned to a task. */
@Table("task_assignee")
record Assignee(UUID userId) {
}
