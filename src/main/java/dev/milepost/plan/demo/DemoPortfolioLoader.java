package dev.milepost.plan.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the demo portfolio on the first start, after the administrator exists. On by default
 * with the embedded database, off with PostgreSQL unless MILEPOST_DEMO=true.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "milepost.demo.enabled", havingValue = "true")
class DemoPortfolioLoader implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoPortfolioLoader.class);

	private final DemoPortfolio portfolio;

	DemoPortfolioLoader(DemoPortfolio portfolio) {
		this.portfolio = portfolio;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			portfolio.loadIfEmpty();
		}
		catch (DataIntegrityViolationException raced) {
			log.info("Another instance is loading the demo portfolio");
		}
	}

}
