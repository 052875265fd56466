package dev.milepost.plan.project;

import org.springframework.data.repository.CrudRepository;

interface WorkspaceCalendarRepository extends CrudRepository<WorkspaceCalendar, String> {
}
