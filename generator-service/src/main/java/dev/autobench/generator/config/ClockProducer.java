package dev.autobench.generator.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The service's notion of "today" is UTC; tests replace this clock to travel in time. */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock utcClock() {
        return Clock.systemUTC();
    }
}
