package fi.collabmaturity.api;

import fi.collabmaturity.api.support.TestData;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Replay equals live on the embedded default. */
class ReplayEqualsLiveTest extends ReplayEqualsLiveContract {

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        demoStudyIn(TestData.freshFolder("replay"), registry);
    }
}
