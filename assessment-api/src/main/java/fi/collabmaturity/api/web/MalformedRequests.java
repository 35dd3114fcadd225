package fi.collabmaturity.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before any controller sees them are answered as problems too: those Tomcat refuses (see
 * ProblemErrorReportValve) and those Spring Security's firewall refuses (a ';', '\', "//", "%25" or a control
 * character in the path). Such a request reaches nothing that records.
 */
@Configuration(proxyBeanMethods = false)
public class MalformedRequests {

    /** Runs after Spring Boot's own customizer, so its plain error report valve is replaced, not joined. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    @Bean
    RequestRejectedHandler requestRejectedAsProblem(ObjectMapper json) {
        return (request, response, rejected) -> {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Problems.problem(HttpStatus.BAD_REQUEST, "bad-request",
                    "Bad request", "the request's address is not accepted (encoded or repeated separators, "
                            + "';', '\\' or control characters)", null).getBody());
        };
    }
}
