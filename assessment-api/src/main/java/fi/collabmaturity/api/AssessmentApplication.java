package fi.collabmaturity.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The collaboration maturity assessment engine: researcher API, dashboards and exports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssessmentApplication.class, args);
    }
}
