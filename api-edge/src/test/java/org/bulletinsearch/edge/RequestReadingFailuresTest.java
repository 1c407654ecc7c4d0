package org.bulletinsearch.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class RequestReadingFailuresTest {

    @Test
    void whatTheRestLayerCannotParseIsAMalformedRequest() {
        assertThat(RequestReadingFailures.classify(thrownBy(new IllegalArgumentException("Failed to parse media type"),
                "org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate")))
                .hasValue(ProblemType.MALFORMED_REQUEST);
        assertThat(RequestReadingFailures.classify(thrownBy(new StringIndexOutOfBoundsException(30),
                "java.lang.String", "org.jboss.resteasy.reactive.common.headers.HeaderUtil")))
                .hasValue(ProblemType.MALFORMED_REQUEST);
        assertThat(RequestReadingFailures.classify(new IOException("Connection terminated parsing multipart request")))
                .hasValue(ProblemType.MALFORMED_REQUEST);
    }

    @Test
    void tooManyPartsIsTooLarge() {
        assertThat(RequestReadingFailures.classify(thrownBy(new RuntimeException("Param limit of 1000 was exceeded"),
                "org.jboss.resteasy.reactive.server.core.multipart.FormData")))
                .hasValue(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void ourOwnFaultsStayFaults() {
        assertThat(RequestReadingFailures.classify(thrownBy(new IllegalStateException("bug"),
                "org.bulletinsearch.ingest.upload.BulletinUploads"))).isEmpty();
        assertThat(RequestReadingFailures.classify(thrownBy(new NullPointerException(), "java.util.Objects",
                "org.bulletinsearch.ingest.upload.UploadReportStore"))).isEmpty();
    }

    private static <T extends Throwable> T thrownBy(T failure, String... classes) {
        StackTraceElement[] trace = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            trace[i] = new StackTraceElement(classes[i], "method", null, 1);
        }
        failure.setStackTrace(trace);
        return failure;
    }
}
