package fi.collabmaturity.api.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import fi.collabmaturity.account.Account;
import fi.collabmaturity.api.storage.StorageProperties;
import fi.collabmaturity.api.web.WrittenEvents;
import fi.collabmaturity.area.Area;
import fi.collabmaturity.directory.EventLogStudyDirectory;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.interview.Interview;
import fi.collabmaturity.privacy.ParticipantKeyStore;
import fi.collabmaturity.privacy.PersonalDataSealer;
import fi.collabmaturity.projection.audit.AuditProjection;
import fi.collabmaturity.projection.maturity.MaturityProjection;
import fi.collabmaturity.projection.studies.StudiesProjection;
import fi.collabmaturity.projection.studies.StudiesQueries;
import fi.collabmaturity.projection.support.FlushAtBatchEnd;
import fi.collabmaturity.questionnaire.Questionnaire;
import fi.collabmaturity.questionnaire.QuestionnaireAnswers;
import fi.collabmaturity.reference.InterfaceThemeCatalogue;
import fi.collabmaturity.reference.RegionCatalog;
import fi.collabmaturity.selfassessment.RespondentSlot;
import fi.collabmaturity.selfassessment.RespondentSlots;
import fi.collabmaturity.selfassessment.SelfAssessment;
import fi.collabmaturity.selfassessment.SelfAssessmentImporter;
import org.springframework.beans.factory.ObjectProvider;
import fi.collabmaturity.study.ScoringPolicySetUpcaster;
import fi.collabmaturity.study.Study;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Axon without Axon Server: aggregates over the configured event store, Jackson for events, snapshots and tokens,
 * pooled streaming processors for the projections, and the components the aggregates' rules ask for.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** The projections' processors; each keeps its own token and read models and can be replayed on its own. */
    public static final List<String> PROCESSORS = List.of("studies", "maturity", "audit");
    /** The read-model layout each projection writes (see ReadModelLayouts). */
    public static final Map<String, Integer> LAYOUTS = Map.of("studies", StudiesProjection.LAYOUT,
            "maturity", MaturityProjection.LAYOUT, "audit", AuditProjection.LAYOUT);

    /**
     * The event log's JSON mapper, owned here and not shared with the web layer: a change to how the API writes
     * JSON must never change how events are stored. Unknown properties are ignored so that older code can read
     * events that gained a field.
     */
    static ObjectMapper eventMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Reads older revisions of events as their current revision, for every reader of the log: the aggregates, the
     * directory, the projections and the export.
     */
    @Bean
    ConfigurerModule upcasters() {
        return configurer -> configurer.registerEventUpcaster(c -> new ScoringPolicySetUpcaster());
    }

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    /** Registers the aggregates of the core (which carries no Spring annotations) with a cache each. */
    @Bean
    ConfigurerModule aggregates(Cache aggregateCache) {
        return configurer -> {
            for (Class<?> type : List.of(Study.class, Area.class, Interview.class, SelfAssessment.class,
                    RespondentSlot.class, InterfaceThemeCatalogue.class, Account.class, Questionnaire.class)) {
                configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                        .configureCache(c -> aggregateCache));
            }
        };
    }

    /**
     * The spreadsheet import needs the self-assessment repository, which only Axon's configuration holds; the
     * Spring beans it also needs are looked up when Axon builds the handler, after they exist.
     */
    @Bean
    ConfigurerModule selfAssessmentImport(ObjectProvider<StudyDirectory> directory,
                                          ObjectProvider<FrameworkCatalog> frameworks,
                                          ObjectProvider<PersonalDataSealer> sealer,
                                          ObjectProvider<RespondentSlots> slots) {
        return configurer -> configurer.registerCommandHandler(c -> new SelfAssessmentImporter(
                c.repository(SelfAssessment.class), directory.getObject(), frameworks.getObject(),
                sealer.getObject(), slots.getObject()));
    }

    /**
     * Answers through a questionnaire's links create a self-assessment in the questionnaire's unit of work, so the
     * handler needs both repositories (see {@link #selfAssessmentImport}).
     */
    @Bean
    ConfigurerModule questionnaireAnswers(ObjectProvider<StudyDirectory> directory,
                                          ObjectProvider<FrameworkCatalog> frameworks,
                                          ObjectProvider<PersonalDataSealer> sealer,
                                          ObjectProvider<RespondentSlots> slots, ObjectProvider<Clock> clock) {
        return configurer -> configurer.registerCommandHandler(c -> new QuestionnaireAnswers(
                c.repository(Questionnaire.class), c.repository(SelfAssessment.class), directory.getObject(),
                frameworks.getObject(), sealer.getObject(), slots.getObject(), clock.getObject()));
    }

    /**
     * One answer per respondent, area and wave, for the self-assessment rules (submission, withdrawal, import); the
     * repositories are asked for when first used, once Axon's configuration is built.
     * <p>
     * Answers recorded before answers had slots are found in the studies read model. It is eventually consistent,
     * but that is enough here: it is asked only when the respondent has no slot yet, and every answer recorded
     * since the rule took a slot in its own unit of work, so what it must find are answers recorded before this
     * version ran, which the projection had handled long before (it catches up on start, before submissions come).
     */
    @Bean
    RespondentSlots respondentSlots(ObjectProvider<org.axonframework.config.Configuration> axon,
                                    StudiesQueries studies) {
        return new RespondentSlots(() -> axon.getObject().repository(RespondentSlot.class),
                () -> axon.getObject().repository(SelfAssessment.class), studies::answerBy);
    }

    /** Every projection writes its batch's read-model changes before its token is stored. */
    @Bean
    ConfigurerModule projectionBatches(MongoDatabase readModelDatabase, MeterRegistry meters) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (String processor : PROCESSORS) {
                Counter handled = Counter.builder("assessment.projection.events")
                        .description("Events handled by a projection (a replay counts them again)")
                        .tag("processor", processor).register(meters);
                processing.registerHandlerInterceptor(processor,
                        c -> new FlushAtBatchEnd(readModelDatabase, processor, LAYOUTS.get(processor),
                                handled::increment));
            }
        });
    }

    /**
     * Each projection's dead letters, in the read-model database beside its token: a rebuilt read-model store
     * starts without the old store's dead letters, as it starts without its tokens. Registered here, with the
     * processors they belong to, so that storage need not know the processors' names.
     */
    @Bean
    ConfigurerModule deadLetterQueues(MongoDatabase readModelDatabase, Serializer serializer) {
        DefaultMongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(readModelDatabase).build();
        return configurer -> configurer.eventProcessing(processing -> {
            for (String processor : PROCESSORS) {
                processing.registerDeadLetterQueue(processor, c -> MongoSequencedDeadLetterQueue.builder()
                        .processingGroup(processor).mongoTemplate(template).serializer(serializer)
                        .transactionManager(NoTransactionManager.INSTANCE).build());
            }
        });
    }

    /** Events inherit the acting user and the correlation id of the command that caused them. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actingUserCorrelation() {
        return new SimpleCorrelationDataProvider(ActingUser.META_DATA_KEY);
    }

    /** Lets each write's response name the position of its own events (see ReadYourWrites). */
    @Bean
    WrittenEvents writtenEvents(EventStore eventStore) {
        WrittenEvents written = new WrittenEvents();
        eventStore.registerDispatchInterceptor(written);
        return written;
    }

    @Bean
    FrameworkCatalog frameworkCatalog() {
        return FrameworkCatalog.fromClasspath();
    }

    @Bean
    RegionCatalog regionCatalog() {
        return RegionCatalog.fromClasspath();
    }

    /**
     * On the embedded default only this process appends to the event log, so the directory may answer from memory
     * until the next append (H2 locks its file); on PostgreSQL other instances may append too, and it asks the store every time.
     */
    @Bean
    StudyDirectory studyDirectory(EventStore eventStore, StorageProperties storage) {
        return storage.embeddedEventLog() ? EventLogStudyDirectory.onlyWriterOf(eventStore)
                : new EventLogStudyDirectory(eventStore);
    }

    @Bean
    PersonalDataSealer personalDataSealer(ParticipantKeyStore keys) {
        return new PersonalDataSealer(keys);
    }
}
