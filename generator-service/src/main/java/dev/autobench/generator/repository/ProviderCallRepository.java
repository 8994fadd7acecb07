package dev.autobench.generator.repository;

import dev.autobench.generator.domain.ProviderCall;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** The provider-call ledger, as far as the task author writes to it. */
@ApplicationScoped
public class ProviderCallRepository implements PanacheRepositoryBase<ProviderCall, Long> {

    /**
     * Commits the row on its own: a call that was made (and maybe billed) stays on record even
     * when the day's generation rolls back afterwards.
     */
    public void recordIndependently(ProviderCall call) {
        QuarkusTransaction.requiringNew().run(() -> persist(call));
    }
}
