package dev.milepost.common;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict types for every JSON the API reads, beyond what {@code spring.jackson.*} can say:
 * application.yml already refuses {@code "5"} for 5, 1 for true and 0 for an enum; here a number
 * or boolean is refused where text belongs ({@code "name": 123} is a mistake, not a name), which
 * Jackson otherwise turns into text whatever its scalar coercion setting.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer noScalarsAsText() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

}
