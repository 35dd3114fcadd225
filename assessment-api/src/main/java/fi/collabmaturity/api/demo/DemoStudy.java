package fi.collabmaturity.api.demo;

import fi.collabmaturity.directory.StudyDirectory;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With ASSESSMENT_DEMO=true, loads the demo study once ({@link DemoData}): a new user sees meaningful profiles,
 * trends and paths at once. A second start finds the study and does nothing.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "assessment.demo", havingValue = "true")
public class DemoStudy implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStudy.class);
    private final CommandGateway commands;
    private final StudyDirectory directory;

    public DemoStudy(CommandGateway commands, StudyDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.study(DemoData.STUDY_ID).isPresent()) {
            log.info("The demo study '{}' is already loaded", DemoData.STUDY_ID);
            return;
        }
        long start = System.nanoTime();
        int count = 0;
        for (Object command : DemoData.commands()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.with("username", "demo-loader")));
            count++;
        }
        log.info("Loaded the demo study '{}' ({} commands in {} ms)", DemoData.STUDY_ID, count,
                (System.nanoTime() - start) / 1_000_000);
    }
}
