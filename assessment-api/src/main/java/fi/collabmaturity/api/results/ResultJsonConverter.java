package fi.collabmaturity.api.results;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;

/** Writes a {@link ResultJson} as {@code application/json}: its bytes, unchanged. Never reads one. */
public class ResultJsonConverter extends AbstractHttpMessageConverter<ResultJson> {

    public ResultJsonConverter() {
        super(MediaType.APPLICATION_JSON);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return ResultJson.class == type;
    }

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return false;
    }

    @Override
    protected ResultJson readInternal(Class<? extends ResultJson> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("results are not read", input);
    }

    @Override
    protected Long getContentLength(ResultJson result, MediaType contentType) {
        return (long) result.utf8().length;
    }

    @Override
    protected void writeInternal(ResultJson result, HttpOutputMessage output) throws IOException {
        output.getBody().write(result.utf8());
    }
}
