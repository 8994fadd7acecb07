package dev.autobench.arena.abuse;

import dev.autobench.arena.support.HumanCheckProvider;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import java.util.List;

/**
 * The steering test again with the human check on (the provider in WireMock): honest voters pass it
 * once per browser; the attackers, who cannot solve it, make the same attempts. Now even the attacker
 * with many addresses who waits out the cookie age counts nothing, and the target moves by less than
 * one interval width.
 */
@QuarkusTest
@TestProfile(HumanCheckSteeringTest.ProductionRulesWithHumanCheck.class)
class HumanCheckSteeringTest extends SteeringTest {

    public static class ProductionRulesWithHumanCheck extends ProductionRules {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HumanCheckProvider.class));
        }
    }

    @Override
    boolean humanCheckOn() {
        return true;
    }

    @Override
    String reportName() {
        return "steering-report-human-check.txt";
    }
}
