package dev.milepost.automation.definition;

import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.milepost.common.OutboundAddresses;
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

	private final OutboundAddresses addresses;

	ProjectFactsSource(PlanQueries plan, ProcessTemplateCatalog templates, OutboundAddresses addresses) {
		this.plan = plan;
		this.templates = templates;
		this.addresses = addresses;
	}

	/** The facts of the project, read once; for the workspace (null) the addresses only. */
	public ProjectFacts of(UUID projectId) {
		if (projectId == null) {
			return new ProjectFacts() {
				@Override
				public boolean isMember(String username) {
					return true;
				}

				@Override
				public boolean hasTemplate(String template) {
					return true;
				}

				@Override
				public Optional<String> addressRefusal(URI address) {
					return addresses.refusalAsWritten(address);
				}
			};
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

			@Override
			public Optional<String> addressRefusal(URI address) {
				return addresses.refusalAsWritten(address);
			}
		};
	}

}
