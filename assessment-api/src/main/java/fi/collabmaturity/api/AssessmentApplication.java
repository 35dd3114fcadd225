package fi.collabmaturity.api;

import fi.collabmaturity.api.operations.OperationsCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The collaboration maturity assessment engine: researcher API, dashboards and exports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentApplication {

    public static void main(String[] args) {
        if (OperationsCommand.requested(args)) {
            // --backup=FILE / --restore=FILE: run the command and exit, without the web server
            System.exit(OperationsCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(AssessmentApplication.class, args);
    }
}
