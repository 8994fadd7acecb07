package dev.autobench.generator.author;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.util.function.Predicate;

/**
 * Which failed trials are worth asking again: a renderer that could not be reached, did not answer or answered with a
 * server error (restarting, briefly busy) may answer the same request later. A 4xx says the reference page or its
 * checks are not acceptable; the same request would be refused again, so it is not repeated.
 */
public class RendererMayRecover implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        if (failure instanceof WebApplicationException answered) {
            return answered.getResponse() != null && answered.getResponse().getStatus() >= 500;
        }
        return failure instanceof ProcessingException;
    }
}
