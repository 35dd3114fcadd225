package fi.collabmaturity.api.results;

import fi.collabmaturity.api.security.Audience;
import fi.collabmaturity.api.web.Languages;
import fi.collabmaturity.directory.StudyDirectory;
import fi.collabmaturity.framework.Framework;
import fi.collabmaturity.framework.FrameworkCatalog;
import fi.collabmaturity.projection.maturity.MaturityQueries;
import fi.collabmaturity.study.StudyFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static fi.collabmaturity.api.results.ResultJsonCache.Asker.PRIMER;

/**
 * Prepares the results dashboards and clients ask for first, once the maturity read models have changed and then
 * stayed unchanged for a while ({@code assessment.results.prime-after}, 5 s; 0 turns it off): every wave's overview
 * (unfiltered), every area's profile in every wave, and every area's maturity path (latest wave) in each language
 * as researchers see it (viewers' paths, without the theme codes, are computed at their first read), as the API
 * serves them ({@link ResultJsonCache}); not trajectories, paths of a named wave or filtered overviews.
 * Without it, the first read of each after a change computes it: a few milliseconds for a profile, tens for a path,
 * which is what the slowest reads were made of.
 *
 * <p>One background thread; it stops as soon as the read models change again (their next quiet moment starts it
 * over) and after {@value #BUDGET} results per change, so that a very large study does not fill the cache with
 * results nobody reads. Nothing is prepared for the state found at start, only after a change in this process (the
 * projections catching up after a restart are one).
 */
@Component
public class ResultPrimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ResultPrimer.class);
    static final int BUDGET = 10_000;

    private final ResultJsonCache results;
    private final MaturityQueries maturity;
    private final StudyDirectory directory;
    private final FrameworkCatalog frameworks;
    private final Duration quietFor;
    private ScheduledExecutorService timer;
    private volatile boolean stopping;

    // touched by the timer thread only
    private String seen;
    private long seenSince;
    private String lastFailure;
    /** The version whose results were prepared last (or that needs none); read by tests, hence synchronized. */
    private String primed;

    public ResultPrimer(ResultJsonCache results, MaturityQueries maturity, StudyDirectory directory,
                        FrameworkCatalog frameworks,
                        @Value("${assessment.results.prime-after:5s}") Duration quietFor) {
        this.results = results;
        this.maturity = maturity;
        this.directory = directory;
        this.frameworks = frameworks;
        this.quietFor = quietFor;
    }

    @Override
    public synchronized void start() {
        if (quietFor.isZero() || quietFor.isNegative() || timer != null) {
            return;
        }
        stopping = false;
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "result-primer");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(100, Math.min(1_000, quietFor.toMillis() / 2));
        timer.scheduleWithFixedDelay(this::look, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopped;
        synchronized (this) {
            stopped = timer;
            timer = null;
            if (stopped == null) {
                return;
            }
            // no interrupt: the pass may be reading the event log, and an interrupted read closes H2's file channel
            // (and with it the database) under everyone else; it ends at its next result instead
            stopping = true;
        }
        stopped.shutdown();
        try {
            // a moment for the result in hand; not longer: a read from a store that is already gone waits for the
            // driver's server selection (30 s), and the thread only reads, so it may as well fail after the close
            stopped.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }

    /** The version of the read models whose results were prepared last (for tests); null before the first. */
    synchronized String primedVersion() {
        return primed;
    }

    private void look() {
        try {
            String version = maturity.snapshot().version();
            lastFailure = null;
            if (seen == null) {
                seen = version;
                seenSince = System.nanoTime();
                setPrimed(version); // the state found at start: not a change
                return;
            }
            if (!version.equals(seen)) {
                seen = version;
                seenSince = System.nanoTime();
                return;
            }
            if (version.equals(primedVersion()) || System.nanoTime() - seenSince < quietFor.toNanos()) {
                return;
            }
            Pass pass = new Pass(version);
            prime(pass);
            if (!pass.changed) {
                setPrimed(version);
            }
        } catch (RuntimeException e) {
            // never let the timer die; the next change tries again (a store that is down fails every look: said once)
            if (!e.toString().equals(lastFailure)) {
                log.warn("could not prepare results: {}", e.toString());
            }
            lastFailure = e.toString();
            setPrimed(seen);
        }
    }

    private synchronized void setPrimed(String version) {
        primed = version;
    }

    /** Prepares the results of every study, until the read models change or the budget is spent. */
    private void prime(Pass pass) {
        for (Map.Entry<String, List<String>> study : maturity.studiesAndAreas().entrySet()) {
            try {
                if (!prime(pass, study.getKey(), study.getValue())) {
                    return;
                }
            } catch (RuntimeException e) {
                // one study that cannot be computed (it fails on reading too) does not keep the others from being
                // prepared; its results are computed when read, as without the primer
                log.warn("could not prepare the results of study {}: {}", study.getKey(), e.toString());
            }
        }
    }

    /** The unfiltered overviews, profiles and latest-wave paths of one study; false when the pass must end. */
    private boolean prime(Pass pass, String studyId, List<String> areas) {
        Optional<StudyFacts> found = directory.study(studyId);
        Optional<Framework> framework = found.flatMap(facts -> facts.findFramework(frameworks));
        if (framework.isEmpty()) {
            return true;
        }
        StudyFacts facts = found.get();
        List<String> waves = ResultsController.waveOrder(facts);
        for (String wave : waves) {
            if (!pass.next()) {
                return false;
            }
            results.overview(PRIMER, facts, framework.get(), wave, null, null);
        }
        for (String area : areas) {
            for (String wave : waves) {
                if (!pass.next()) {
                    return false;
                }
                results.profile(PRIMER, facts, framework.get(), area, wave);
            }
            for (String language : Languages.SUPPORTED) {
                if (!pass.next()) {
                    return false;
                }
                results.path(PRIMER, Audience.RESEARCHERS, facts, framework.get(), area, waves, null, language);
            }
        }
        return true;
    }

    /** One pass over the results of one version of the read models. */
    private final class Pass {
        private final String version;
        private int left = BUDGET;
        boolean changed;

        Pass(String version) {
            this.version = version;
        }

        /**
         * Whether to prepare one more result: not when the budget is spent, the read models changed or the
         * application is stopping (then the version is not taken as prepared).
         */
        boolean next() {
            changed = stopping || !maturity.snapshot().version().equals(version);
            return !changed && left-- > 0;
        }
    }
}
