package dev.milepost.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milepost.Api;
import dev.milepost.MilepostTest;
import dev.milepost.Teams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** The scripts and stylesheets a page names are served, and building a page's links looks nothing up. */
@MilepostTest
class PageAssetsTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script[^>]*\\bsrc|link[^>]*\\bhref)=\"(/[^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	ApplicationContext context;

	@Test
	void everyScriptAndStylesheetOfAPageLoads() {
		Teams.Team team = teams.team(Api.at(port));
		PageSession session = PageSession.signIn(port, team.stakeholder());
		String page = session.get("/projects/" + team.key()).body();

		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(page);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}

		assertThat(assets).contains("/webjars/htmx.org/2.0.4/dist/htmx.min.js", "/webjars/htmx-ext-sse/2.2.2/sse.js",
				"/css/milepost.css", "/js/milepost.js");
		for (String asset : assets) {
			HttpResponse<String> response = session.get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(asset)
				.containsAnyOf("javascript", "text/css");
		}
	}

	@Test
	void swaggerUiStillFindsItsOwnWebJarWithoutTheResourceChain() {
		for (String file : new String[] { "/swagger-ui/index.html", "/swagger-ui/swagger-ui-bundle.js" }) {
			assertThat(Api.at(port).get(file).status()).as(file).isEqualTo(200);
		}
	}

	@Test
	void linksAreWrittenAsTheyAreWithoutAResourceLookupPerLink() {
		// Spring's resource chain rewrites every link of a page through this filter, resolving each
		// against the class path; the pages need no rewriting (WebJars are named with their versions)
		assertThat(context.getBeansOfType(ResourceUrlEncodingFilter.class)).isEmpty();
		assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
			.noneMatch(registration -> registration.getFilter() instanceof ResourceUrlEncodingFilter);
	}

}
