package dev.milepost.automation.definition;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.milepost.plan.PlanQueries;
import dev.milepost.process.ProcessTemplateCatalog;
import org.springframework.stereotype.Component;

/**
 * What a project's blueprint text is checked against: its people (manager, sponsor, members) and
 * its process templates. The one place that builds {@link ProjectFacts}, for saving, the
 * assistant's drafts and the dry run alike.
 */
@Component
public class ProjectFactsSource {

	private final PlanQueries plan;

	private final ProcessTemplateCatalog templates;

	ProjectFactsSource(PlanQueries plan, ProcessTemplateCatalog templates) {
		this.plan = plan;
		this.templates = templates;
	}

	/** The facts of the project, read once; {@link ProjectFacts#NONE} for the workspace (null). */
	public ProjectFacts of(UUID projectId) {
		if (projectId == null) {
			return ProjectFacts.NONE;
		}
		Set<String> people = new HashSet<>();
		plan.roster(projectId).ifPresent(roster -> {
			people.add(roster.manager());
			people.add(roster.sponsor());
			roster.members().values().forEach(people::addAll);
		});
		return new ProjectFacts() {
			@Override
			public boolean isMember(String username) {
				return people.contains(username);
			}

			@Override
			public boolean hasTemplate(String template) {
				return templates.exists(projectId, template);
			}
		};
	}

}
