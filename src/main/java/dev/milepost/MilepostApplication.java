package dev.milepost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Milepost: plan, track and govern long IT projects around milestones.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Milepost")
public class MilepostApplication {

	public static void main(String[] args) {
		SpringApplication.run(MilepostApplication.class, args);
	}

}
