package fi.collabmaturity.api.web;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Remembers the identifiers of the events published on the current thread, so that a write's response can name the
 * exact log position of its own events ({@link ReadYourWrites#afterWrite}). (The command bus is synchronous: the
 * request thread publishes them.)
 */
public class WrittenEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final int MAX_REMEMBERED = 1000;
    private static final ThreadLocal<List<String>> WRITTEN = ThreadLocal.withInitial(ArrayList::new);

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            List<String> written = WRITTEN.get();
            if (written.size() >= MAX_REMEMBERED) {
                written.remove(0); // threads that never answer a write (start-up loaders) must not pile up ids
            }
            written.add(event.getIdentifier());
            return event;
        };
    }

    /** The identifiers recorded since the last call, and forgets them. */
    public static List<String> drain() {
        List<String> ids = new ArrayList<>(WRITTEN.get());
        WRITTEN.remove();
        return ids;
    }

    /** Forgets what an earlier request on this (pooled) thread left behind. */
    @Component
    public static class ForgetBetweenRequests extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            WRITTEN.remove();
            chain.doFilter(request, response);
        }
    }
}
