package fi.collabmaturity.api;

import fi.collabmaturity.api.operations.backup.OperationsCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The collaboration maturity assessment engine: researcher API, dashboards and exports. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssessmentApplication {

    public static void main(String[] args) {
        // A research instrument does not report usage to third parties (Axon's update checker would, and would
        // fail on closed networks anyway); an operator may still turn it on explicitly.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        if (OperationsCommand.requested(args)) {
            // --backup=FILE / --restore=FILE: run the command and exit, without the web server
            System.exit(OperationsCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(AssessmentApplication.class, args);
    }
}
