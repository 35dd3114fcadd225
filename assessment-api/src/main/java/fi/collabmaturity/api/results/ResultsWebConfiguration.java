package fi.collabmaturity.api.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The overview's JSON is written by {@link SerializedOverviews}, before Spring's Jackson converter is asked. */
@Configuration(proxyBeanMethods = false)
public class ResultsWebConfiguration implements WebMvcConfigurer {

    private final ObjectMapper json;

    public ResultsWebConfiguration(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, new SerializedOverviews(json));
    }
}
